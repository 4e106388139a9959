with
source as (
    select * from {{ raw_source('shop', 'sellers') }}
),

renamed as (
    select distinct
        cast(seller_id as {{ dbt.type_string() }}) as seller_id,
        cast(shop_name as {{ dbt.type_string() }}) as shop_name,
        {{ to_utc('registered_at') }} as registered_at,
        upper(cast(country as {{ dbt.type_string() }})) as country_code
    from source
),

final as (
    select * from renamed
)

select * from final
