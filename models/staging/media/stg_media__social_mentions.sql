with
source as (
    select * from {{ source('media', 'social_mentions') }}
),

renamed as (
    select distinct
        cast(mention_id as varchar) as social_mention_id,
        lower(cast(platform as varchar)) as platform,
        {{ to_utc('posted_at') }} as posted_at,
        cast(author_handle as varchar) as author_handle
    from source
),

final as (
    select * from renamed
)

select * from final
