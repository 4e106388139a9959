{{ config(meta={'quarantine_key': 'order_id'}) }}

with
source as (
    select * from {{ raw_source('shop', 'orders') }}
),

order_items as (
    select * from {{ ref('stg_shop__order_items') }}
),

renamed as (
    select distinct
        cast(order_id as {{ dbt.type_string() }}) as order_id,
        cast(order_number as integer) as order_number,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        {{ to_utc('placed_at') }} as placed_at,
        lower(cast(status as {{ dbt.type_string() }})) as status,
        coalesce(lower(cast(traffic_source as {{ dbt.type_string() }})), 'unknown') as traffic_source,
        cast(cart_id as {{ dbt.type_string() }}) as cart_id,
        cast(coalesce(discount_amount, 0) as decimal(18, 2)) as discount_amount,
        cast(coalesce(tax_amount, 0) as decimal(18, 2)) as tax_amount,
        cast(coalesce(shipping_amount, 0) as decimal(18, 2)) as shipping_amount,
        {{ to_utc('cancelled_at') }} as cancelled_at,
        coalesce(lower(cast(status as {{ dbt.type_string() }})) = 'cancelled', false) as is_cancelled
    from source
),

order_gross_amounts as (
    select
        order_id,
        sum(line_amount) as gross_amount
    from order_items
    group by order_id
),

checked as (
    select
        renamed.*,
        {{ quarantine_rule([
            ['timestamp_out_of_range', outside_plausible_range(['renamed.placed_at', 'renamed.cancelled_at'])],
            ['discount_above_order', 'renamed.discount_amount > coalesce(order_gross_amounts.gross_amount, 0)'],
        ]) }} as quarantine_rule
    from renamed
    left join order_gross_amounts
        on renamed.order_id = order_gross_amounts.order_id
),

final as (
    {{ select_passed_quarantine('checked') }}
)

select * from final
