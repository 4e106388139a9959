with
source as (
    select * from {{ raw_source('shop', 'order_items') }}
),

renamed as (
    select distinct
        cast(order_item_id as {{ dbt.type_string() }}) as order_item_id,
        cast(order_id as {{ dbt.type_string() }}) as order_id,
        cast(listing_id as {{ dbt.type_string() }}) as listing_id,
        cast(unit_price as decimal(18, 2)) as unit_price,
        cast(quantity as integer) as quantity,
        cast(unit_price * quantity as decimal(18, 2)) as line_amount
    from source
),

final as (
    select * from renamed
)

select * from final
