with
source as (
    select * from {{ raw_source('shop', 'listing_views') }}
),

renamed as (
    select distinct
        cast(view_id as varchar) as listing_view_id,
        cast(listing_id as varchar) as listing_id,
        cast(buyer_id as varchar) as buyer_id,
        {{ to_utc('viewed_at') }} as viewed_at,
        lower(cast(device as varchar)) as device,
        buyer_id is null as is_anonymous
    from source
),

final as (
    select * from renamed
)

select * from final
