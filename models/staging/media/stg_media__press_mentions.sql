with
source as (
    select * from {{ source('media', 'press_mentions') }}
),

renamed as (
    select distinct
        cast(mention_id as varchar) as press_mention_id,
        {{ to_utc('published_at') }} as published_at,
        cast(outlet as varchar) as outlet_name,
        cast(headline as varchar) as headline,
        lower(cast(sentiment as varchar)) as sentiment
    from source
),

final as (
    select * from renamed
)

select * from final
