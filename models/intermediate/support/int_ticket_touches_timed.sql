{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='ticket_id',
) }}
{% set window_start = incremental_window_start('touched_at') %}

-- One row per agent touch (public agent comment) with the reply wait it closes: the earliest
-- customer message after the previous touch (for a customer-created ticket its creation is the
-- first customer message). A touch that answers no waiting customer message (a follow-up, or
-- an agent's outbound message) has no wait and is not a reply in the reply-time sense.
-- Internal notes and system comments are neither touches nor customer messages.
-- Incremental (macros/incremental): re-derives every touch of the tickets created or commented
-- inside the lookback window, their earlier touches included (the numbering is per ticket).
with
{% if window_start is not none %}
    tickets_in_window as (
        select ticket_id from {{ ref('stg_helpdesk__tickets') }}
        where {{ in_incremental_window('created_at', window_start) }}
        union
        select ticket_id from {{ ref('stg_helpdesk__ticket_comments') }}
        where {{ in_incremental_window('created_at', window_start) }}
    ),
{% endif %}

tickets as (
    select * from {{ ref('stg_helpdesk__tickets') }}
    {% if window_start is not none %}
        where ticket_id in (select tickets_in_window.ticket_id from tickets_in_window)
    {% endif %}
),

comments as (
    select * from {{ ref('stg_helpdesk__ticket_comments') }}
    {% if window_start is not none %}
        where ticket_id in (select tickets_in_window.ticket_id from tickets_in_window)
    {% endif %}
),

conversation as (
    select
        ticket_id,
        comment_id,
        author_id,
        created_at as event_at,
        1 as event_order,
        true as is_touch
    from comments
    where is_agent_touch
    union all
    select
        ticket_id,
        comment_id,
        author_id,
        created_at as event_at,
        0 as event_order,
        false as is_touch
    from comments
    where is_customer_message
    union all
    -- the opening message of a customer-created ticket, whether or not exported as a comment
    select
        ticket_id,
        null as comment_id,
        requester_id as author_id,
        created_at as event_at,
        0 as event_order,
        false as is_touch
    from tickets
    where is_customer_created
),

numbered as (
    select
        *,
        -- touches strictly before this event: a message belongs to the wait the next touch closes
        coalesce(sum(case when is_touch then 1 else 0 end) over (
            partition by ticket_id
            order by event_at, event_order, comment_id
            rows between unbounded preceding and 1 preceding
        ), 0) as touches_before
    from conversation
),

waits as (
    select
        ticket_id,
        touches_before + 1 as touch_number,
        min(event_at) as wait_started_at
    from numbered
    where not is_touch
    group by ticket_id, touches_before
),

touches as (
    select
        ticket_id,
        comment_id,
        author_id as agent_id,
        event_at as touched_at,
        touches_before + 1 as touch_number
    from numbered
    where is_touch
),

final as (
    select
        touches.comment_id,
        touches.ticket_id,
        touches.agent_id,
        touches.touch_number,
        touches.touched_at,
        waits.wait_started_at,
        waits.wait_started_at is not null as is_reply,
        {{ hours_between('waits.wait_started_at', 'touches.touched_at') }} as reply_wait_hours
    from touches
    left join waits
        on
            touches.ticket_id = waits.ticket_id
            and touches.touch_number = waits.touch_number
)

select * from final
