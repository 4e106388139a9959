with
source as (
    select * from {{ source('media', 'press_mentions') }}
),

renamed as (
    select distinct
        cast(mention_id as {{ dbt.type_string() }}) as press_mention_id,
        {{ to_utc('published_at') }} as published_at,
        cast(outlet as {{ dbt.type_string() }}) as outlet_name,
        cast(headline as {{ dbt.type_string() }}) as headline,
        lower(cast(sentiment as {{ dbt.type_string() }})) as sentiment
    from source
),

final as (
    select * from renamed
)

select * from final
