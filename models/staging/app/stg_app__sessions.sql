with
source as (
    select * from {{ source('app', 'sessions') }}
),

renamed as (
    select distinct
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        {{ to_utc('started_at') }} as started_at,
        {{ to_utc('ended_at') }} as ended_at
    from source
),

measured as (
    select
        session_id,
        user_id,
        started_at,
        ended_at,
        cast(started_at as date) as started_date,
        {{ seconds_between('started_at', 'ended_at') }} as duration_seconds
    from renamed
),

flagged as (
    select
        *,
        coalesce(duration_seconds >= 0 and duration_seconds <= 86400, false) as is_valid_duration
    from measured
),

final as (
    select * from flagged
)

select * from final
