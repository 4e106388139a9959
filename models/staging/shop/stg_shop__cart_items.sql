with
source as (
    select * from {{ raw_source('shop', 'cart_items') }}
),

renamed as (
    select distinct
        cast(cart_item_id as {{ dbt.type_string() }}) as cart_item_id,
        cast(cart_id as {{ dbt.type_string() }}) as cart_id,
        cast(listing_id as {{ dbt.type_string() }}) as listing_id,
        cast(quantity as integer) as quantity,
        cast(price as decimal(18, 2)) as unit_price,
        {{ to_utc('added_at') }} as added_at,
        coalesce(quantity > 0, false) as has_units
    from source
),

final as (
    select * from renamed
)

select * from final
