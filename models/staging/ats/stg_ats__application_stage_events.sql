with
source as (
    select * from {{ source('ats', 'application_stage_events') }}
),

renamed as (
    select distinct
        cast(stage_event_id as {{ dbt.type_string() }}) as stage_event_id,
        cast(application_id as {{ dbt.type_string() }}) as application_id,
        lower(cast(stage as {{ dbt.type_string() }})) as stage_name,
        {{ to_utc('entered_at') }} as entered_at
    from source
),

final as (
    select
        *,
        case stage_name
            when 'applied' then 1
            when 'screen' then 2
            when 'interview' then 3
            when 'offer' then 4
            when 'hired' then 5
        end as stage_rank
    from renamed
)

select * from final
