with
source as (
    select * from {{ source('web', 'sessions') }}
),

renamed as (
    select distinct
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        cast(visitor_id as {{ dbt.type_string() }}) as visitor_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        {{ to_utc('started_at') }} as started_at,
        cast(landing_page as {{ dbt.type_string() }}) as landing_page,
        lower(cast(traffic_source as {{ dbt.type_string() }})) as traffic_source,
        lower(cast(medium as {{ dbt.type_string() }})) as medium,
        cast(search_term as {{ dbt.type_string() }}) as search_term,
        cast(is_branded_search as boolean) as is_branded_search
    from source
),

final as (
    select * from renamed
)

select * from final
