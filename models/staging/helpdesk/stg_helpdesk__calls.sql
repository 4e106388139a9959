with
source as (
    select * from {{ raw_source('helpdesk', 'calls') }}
),

renamed as (
    select distinct
        cast(call_id as {{ dbt.type_string() }}) as call_id,
        lower(cast(direction as {{ dbt.type_string() }})) as direction,
        cast(caller_id as {{ dbt.type_string() }}) as caller_id,
        cast(agent_id as {{ dbt.type_string() }}) as agent_id,
        {{ to_utc('queued_at') }} as queued_at,
        {{ to_utc('answered_at') }} as answered_at,
        {{ to_utc('ended_at') }} as ended_at,
        cast(talk_seconds as integer) as talk_seconds,
        cast(hold_seconds as integer) as hold_seconds,
        cast(wrap_seconds as integer) as wrap_seconds,
        cast(abandoned as boolean) as is_abandoned_flag
    from source
),

final as (
    select
        *,
        answered_at is not null as is_answered,
        answered_at is null as is_abandoned,
        coalesce(talk_seconds, 0) + coalesce(hold_seconds, 0) + coalesce(wrap_seconds, 0) as handle_seconds,
        (
            (answered_at is null) = is_abandoned_flag
            and (answered_at is null or answered_at >= queued_at)
            and ended_at >= queued_at
        ) as is_valid
    from renamed
)

select * from final
