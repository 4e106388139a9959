with
source as (
    select * from {{ raw_source('shop', 'listing_views') }}
),

renamed as (
    select distinct
        cast(view_id as {{ dbt.type_string() }}) as listing_view_id,
        cast(listing_id as {{ dbt.type_string() }}) as listing_id,
        cast(buyer_id as {{ dbt.type_string() }}) as buyer_id,
        {{ to_utc('viewed_at') }} as viewed_at,
        lower(cast(device as {{ dbt.type_string() }})) as device,
        buyer_id is null as is_anonymous
    from source
),

final as (
    select * from renamed
)

select * from final
