with
source as (
    select * from {{ source('helpcenter', 'article_views') }}
),

renamed as (
    select distinct
        cast(view_id as {{ dbt.type_string() }}) as article_view_id,
        cast(article_id as {{ dbt.type_string() }}) as article_id,
        cast(viewer_id as {{ dbt.type_string() }}) as viewer_id,
        {{ to_utc('viewed_at') }} as viewed_at
    from source
),

final as (
    select * from renamed
)

select * from final
