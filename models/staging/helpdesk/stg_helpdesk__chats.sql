with
source as (
    select * from {{ raw_source('helpdesk', 'chats') }}
),

renamed as (
    select distinct
        cast(chat_id as {{ dbt.type_string() }}) as chat_id,
        cast(requester_id as {{ dbt.type_string() }}) as requester_id,
        cast(agent_id as {{ dbt.type_string() }}) as agent_id,
        {{ to_utc('started_at') }} as started_at,
        {{ to_utc('ended_at') }} as ended_at
    from source
),

final as (
    select
        *,
        agent_id is not null as is_handled
    from renamed
)

select * from final
