{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='ticket_id',
) }}
{% set window_start = incremental_window_start('created_at') %}
-- One row per help-desk ticket: its creation, first agent touch, touches and replies, solves,
-- reopens, final solve and escalations. See the decision log in fct_ticket_lifecycles.yml.
-- Incremental (macros/incremental): re-derives the tickets created, commented or changed inside
-- the lookback window.
with
{% if window_start is not none %}
    tickets_in_window as (
        select ticket_id from {{ ref('stg_helpdesk__tickets') }}
        where {{ in_incremental_window('created_at', window_start) }}
        union
        select ticket_id from {{ ref('stg_helpdesk__ticket_comments') }}
        where {{ in_incremental_window('created_at', window_start) }}
        union
        select ticket_id from {{ ref('int_ticket_status_changes_classified') }}
        where {{ in_incremental_window('changed_at', window_start) }}
    ),
{% endif %}

{% set only_tickets_in_window %}
    {% if window_start is not none %}
        where ticket_id in (select tickets_in_window.ticket_id from tickets_in_window)
    {% endif %}
{% endset %}

tickets as (
    select * from {{ ref('stg_helpdesk__tickets') }}
    {{ only_tickets_in_window }}
),

touches as (
    select * from {{ ref('int_ticket_touches_timed') }}
    {{ only_tickets_in_window }}
),

changes as (
    select * from {{ ref('int_ticket_status_changes_classified') }}
    {{ only_tickets_in_window }}
),

comments as (
    select * from {{ ref('stg_helpdesk__ticket_comments') }}
    {{ only_tickets_in_window }}
),

touch_summary as (
    select
        ticket_id,
        count(*) as touch_count,
        sum(case when is_reply then 1 else 0 end) as reply_count,
        min(touched_at) as first_touch_at
    from touches
    group by ticket_id
),

note_summary as (
    select
        ticket_id,
        count(*) as internal_note_count
    from comments
    where author_role = 'agent' and not is_public
    group by ticket_id
),

change_summary as (
    select
        ticket_id,
        sum(case when is_solve then 1 else 0 end) as solve_count,
        sum(case when is_reopen then 1 else 0 end) as reopen_count,
        sum(case when is_escalation then 1 else 0 end) as escalation_count,
        min(case when is_solve then changed_at end) as first_solved_at,
        max(case when is_solve then changed_at end) as last_solved_at,
        max(case when is_escalation then changed_at end) as last_escalated_at,
        max(case when change_number = 1 then tier end) as starting_tier,
        max(tier) as highest_tier,
        max(case when is_latest_change then status end) as current_status,
        coalesce({{ dbt.bool_or('is_latest_change and is_solved_status') }}, false) as is_solved
    from changes
    group by ticket_id
),

joined as (
    select
        tickets.ticket_id,
        tickets.requester_id,
        tickets.channel,
        tickets.topic,
        tickets.created_by_role,
        tickets.is_customer_created,
        tickets.created_at,
        cast({{ dbt.date_trunc('month', 'tickets.created_at') }} as date) as created_month,
        touch_summary.first_touch_at,
        coalesce(touch_summary.touch_count, 0) as touch_count,
        coalesce(touch_summary.reply_count, 0) as reply_count,
        coalesce(note_summary.internal_note_count, 0) as internal_note_count,
        coalesce(change_summary.current_status, 'new') as current_status,
        coalesce(change_summary.is_solved, false) as is_solved,
        coalesce(change_summary.solve_count, 0) as solve_count,
        coalesce(change_summary.reopen_count, 0) as reopen_count,
        change_summary.first_solved_at,
        case when change_summary.is_solved then change_summary.last_solved_at end as final_solved_at,
        coalesce(change_summary.starting_tier, 1) as starting_tier,
        coalesce(change_summary.highest_tier, 1) as highest_tier,
        coalesce(change_summary.escalation_count, 0) as escalation_count
    from tickets
    left join touch_summary on tickets.ticket_id = touch_summary.ticket_id
    left join note_summary on tickets.ticket_id = note_summary.ticket_id
    left join change_summary on tickets.ticket_id = change_summary.ticket_id
),

final as (
    select
        *,
        case
            when is_customer_created and first_touch_at is not null
                then {{ hours_between('created_at', 'first_touch_at') }}
        end as first_response_hours,
        cast({{ dbt.date_trunc('month', 'final_solved_at') }} as date) as final_solved_month,
        {{ hours_between('created_at', 'final_solved_at') }} as resolution_hours,
        reopen_count > 0 as is_reopened,
        escalation_count > 0 as is_escalated,
        (is_solved and touch_count = 1 and reopen_count = 0) as is_one_touch_resolved
    from joined
)

select * from final
