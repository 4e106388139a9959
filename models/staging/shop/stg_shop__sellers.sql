with
source as (
    select * from {{ raw_source('shop', 'sellers') }}
),

renamed as (
    select distinct
        cast(seller_id as varchar) as seller_id,
        cast(shop_name as varchar) as shop_name,
        {{ to_utc('registered_at') }} as registered_at,
        upper(cast(country as varchar)) as country_code
    from source
),

final as (
    select * from renamed
)

select * from final
