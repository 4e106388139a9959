with
source as (
    select * from {{ raw_source('shop', 'orders') }}
),

renamed as (
    select distinct
        cast(order_id as varchar) as order_id,
        cast(order_number as integer) as order_number,
        cast(customer_id as varchar) as customer_id,
        {{ to_utc('placed_at') }} as placed_at,
        lower(cast(status as varchar)) as status,
        coalesce(lower(cast(traffic_source as varchar)), 'unknown') as traffic_source,
        cast(cart_id as varchar) as cart_id,
        cast(coalesce(discount_amount, 0) as decimal(18, 2)) as discount_amount,
        cast(coalesce(tax_amount, 0) as decimal(18, 2)) as tax_amount,
        cast(coalesce(shipping_amount, 0) as decimal(18, 2)) as shipping_amount,
        {{ to_utc('cancelled_at') }} as cancelled_at,
        coalesce(lower(cast(status as varchar)) = 'cancelled', false) as is_cancelled
    from source
),

final as (
    select * from renamed
)

select * from final
