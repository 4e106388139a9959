{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk ticket_field_history (fields status and group_id, tickets not deleted) -> raw
-- contract helpdesk.ticket_status_events: one event per instant the status or the group
-- changed, holding the status and the group's tier (adapter_zendesk__group_tiers; 1 before any
-- group) in force after it. Zendesk has no reopened status: a reopen is solved -> open, which
-- staging classifies the same way; hold is reported as pending.
with
tickets as (
    select id from {{ source('zendesk', 'ticket') }}
    where not coalesce(_fivetran_deleted, false)
),

history as (
    select
        field_history.ticket_id,
        field_history.field_name,
        field_history.value,
        field_history.updated
    from {{ source('zendesk', 'ticket_field_history') }} as field_history
    inner join tickets on field_history.ticket_id = tickets.id
    where field_history.field_name in ('status', 'group_id')
),

group_tiers as (
    select * from {{ ref('adapter_zendesk__group_tiers') }}
),

status_values as (
    select
        ticket_id,
        updated,
        case lower(value) when 'hold' then 'pending' else lower(value) end as status
    from history
    where field_name = 'status'
),

tier_values as (
    select
        history.ticket_id,
        history.updated,
        coalesce(group_tiers.tier, 1) as tier
    from history
    left join group_tiers on history.value = cast(group_tiers.group_id as {{ dbt.type_string() }})
    where history.field_name = 'group_id'
),

change_points as (
    select distinct
        ticket_id,
        updated as changed_at
    from history
),

statuses_in_force as (
    select
        change_points.ticket_id,
        change_points.changed_at,
        status_values.status,
        row_number() over (
            partition by change_points.ticket_id, change_points.changed_at
            order by status_values.updated desc
        ) as recency_rank
    from change_points
    inner join status_values
        on
            change_points.ticket_id = status_values.ticket_id
            and change_points.changed_at >= status_values.updated
),

tiers_in_force as (
    select
        change_points.ticket_id,
        change_points.changed_at,
        tier_values.tier,
        row_number() over (
            partition by change_points.ticket_id, change_points.changed_at
            order by tier_values.updated desc
        ) as recency_rank
    from change_points
    inner join tier_values
        on
            change_points.ticket_id = tier_values.ticket_id
            and change_points.changed_at >= tier_values.updated
),

events as (
    select
        statuses_in_force.ticket_id,
        statuses_in_force.changed_at,
        statuses_in_force.status,
        coalesce(tiers_in_force.tier, 1) as tier
    from statuses_in_force
    left join tiers_in_force
        on
            statuses_in_force.ticket_id = tiers_in_force.ticket_id
            and statuses_in_force.changed_at = tiers_in_force.changed_at
            and tiers_in_force.recency_rank = 1
    where statuses_in_force.recency_rank = 1
),

final as (
    select
        cast(ticket_id as {{ dbt.type_string() }}) || '-' || cast(row_number() over (
            partition by ticket_id order by changed_at
        ) as {{ dbt.type_string() }}) as event_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        status,
        tier,
        {{ utc_timestamptz('changed_at') }} as changed_at
    from events
)

select * from final
