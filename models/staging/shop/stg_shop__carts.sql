with
source as (
    select * from {{ raw_source('shop', 'carts') }}
),

renamed as (
    select distinct
        cast(cart_id as {{ dbt.type_string() }}) as cart_id,
        cast(buyer_id as {{ dbt.type_string() }}) as buyer_id,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at
    from source
),

final as (
    select * from renamed
)

select * from final
