with
source as (
    select * from {{ source('web', 'sessions') }}
),

renamed as (
    select distinct
        cast(session_id as varchar) as session_id,
        cast(visitor_id as varchar) as visitor_id,
        cast(customer_id as varchar) as customer_id,
        {{ to_utc('started_at') }} as started_at,
        cast(landing_page as varchar) as landing_page,
        lower(cast(traffic_source as varchar)) as traffic_source,
        lower(cast(medium as varchar)) as medium,
        cast(search_term as varchar) as search_term,
        cast(is_branded_search as boolean) as is_branded_search
    from source
),

final as (
    select * from renamed
)

select * from final
