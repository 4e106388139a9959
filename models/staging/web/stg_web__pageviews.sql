with
source as (
    select * from {{ source('web', 'pageviews') }}
),

renamed as (
    select distinct
        cast(pageview_id as varchar) as pageview_id,
        cast(session_id as varchar) as session_id,
        cast(page_path as varchar) as page_path,
        {{ to_utc('viewed_at') }} as viewed_at
    from source
),

final as (
    select * from renamed
)

select * from final
