with
source as (
    select * from {{ source('web', 'pageviews') }}
),

renamed as (
    select distinct
        cast(pageview_id as {{ dbt.type_string() }}) as pageview_id,
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        cast(page_path as {{ dbt.type_string() }}) as page_path,
        {{ to_utc('viewed_at') }} as viewed_at
    from source
),

final as (
    select * from renamed
)

select * from final
