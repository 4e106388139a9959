{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='ticket_id',
) }}
{% set window_start = incremental_window_start('changed_at') %}

-- One row per status/tier change of a ticket, classified: a solve is a change INTO solved or
-- closed from any other status (solved -> closed is not a second solve), a reopen is a change
-- OUT of solved/closed, an escalation is a rise of the support tier. valid_to_at closes the
-- half-open interval [changed_at, valid_to_at) during which the ticket held this state.
-- Incremental (macros/incremental): re-derives every change of the tickets changed inside the
-- lookback window, their earlier changes included (the sequence is per ticket).
with
status_events as (
    select * from {{ ref('stg_helpdesk__ticket_status_events') }}
    {% if window_start is not none %}
        where ticket_id in (
            select changed.ticket_id from {{ ref('stg_helpdesk__ticket_status_events') }} as changed
            where {{ in_incremental_window('changed.changed_at', window_start) }}
        )
    {% endif %}
),

sequenced as (
    select
        ticket_status_event_id,
        ticket_id,
        status,
        tier,
        changed_at,
        is_solved_status,
        row_number() over (
            partition by ticket_id order by changed_at, ticket_status_event_id
        ) as change_number,
        lag(is_solved_status) over (
            partition by ticket_id order by changed_at, ticket_status_event_id
        ) as was_solved_status,
        lag(tier) over (
            partition by ticket_id order by changed_at, ticket_status_event_id
        ) as previous_tier,
        lead(changed_at) over (
            partition by ticket_id order by changed_at, ticket_status_event_id
        ) as valid_to_at
    from status_events
),

final as (
    select
        ticket_status_event_id,
        ticket_id,
        change_number,
        status,
        tier,
        previous_tier,
        changed_at,
        valid_to_at,
        is_solved_status,
        valid_to_at is null as is_latest_change,
        (is_solved_status and not coalesce(was_solved_status, false)) as is_solve,
        (not is_solved_status and coalesce(was_solved_status, false)) as is_reopen,
        coalesce(tier > previous_tier, false) as is_escalation
    from sequenced
)

select * from final
