with
source as (
    select * from {{ raw_source('helpdesk', 'ticket_status_events') }}
),

renamed as (
    select distinct
        cast(event_id as varchar) as ticket_status_event_id,
        cast(ticket_id as varchar) as ticket_id,
        lower(cast(status as varchar)) as status,
        cast(tier as integer) as tier,
        {{ to_utc('changed_at') }} as changed_at
    from source
),

final as (
    select
        *,
        status in ('solved', 'closed') as is_solved_status
    from renamed
)

select * from final
