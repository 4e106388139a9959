with
source as (
    select * from {{ raw_source('shop', 'listings') }}
),

renamed as (
    select distinct
        cast(listing_id as {{ dbt.type_string() }}) as listing_id,
        cast(seller_id as {{ dbt.type_string() }}) as seller_id,
        cast(title as {{ dbt.type_string() }}) as title,
        lower(cast(category as {{ dbt.type_string() }})) as category,
        cast(price as decimal(18, 2)) as price,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('delisted_at') }} as delisted_at
    from source
),

final as (
    select * from renamed
)

select * from final
