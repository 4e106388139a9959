with
source as (
    select * from {{ source('media', 'social_mentions') }}
),

renamed as (
    select distinct
        cast(mention_id as {{ dbt.type_string() }}) as social_mention_id,
        lower(cast(platform as {{ dbt.type_string() }})) as platform,
        {{ to_utc('posted_at') }} as posted_at,
        cast(author_handle as {{ dbt.type_string() }}) as author_handle
    from source
),

final as (
    select * from renamed
)

select * from final
