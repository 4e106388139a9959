-- KPI 90: conversations handled in the month (tickets an agent publicly replied to in it, once
-- per ticket and month, solved or not; chats served by an agent that started in it; calls
-- answered in it) per support agent active in the month, and per active agent per workday
-- (Monday to Friday, holidays not removed).
with
months as (
    select
        period_month,
        cast({{ dbt.dateadd('month', 1, 'period_month') }} as date) as next_month_start
    from {{ ref('int_support_months') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

touches as (
    select * from {{ ref('int_ticket_touches_timed') }}
),

tickets_replied_monthly as (
    select distinct
        touches.ticket_id,
        cast({{ dbt.date_trunc('month', 'touches.touched_at') }} as date) as period_month
    from touches
    inner join tickets on touches.ticket_id = tickets.ticket_id
),

chats as (
    select * from {{ ref('stg_helpdesk__chats') }}
),

calls as (
    select * from {{ ref('stg_helpdesk__calls') }}
),

agents as (
    select * from {{ ref('stg_helpdesk__agents') }}
),

conversations as (
    select period_month
    from tickets_replied_monthly
    union all
    select cast({{ dbt.date_trunc('month', 'started_at') }} as date) as period_month
    from chats
    where is_handled
    union all
    select cast({{ dbt.date_trunc('month', 'answered_at') }} as date) as period_month
    from calls
    where is_answered
),

monthly_conversations as (
    select
        period_month,
        count(*) as conversation_count
    from conversations
    group by period_month
),

active_agents as (
    select
        months.period_month,
        count(distinct agents.agent_id) as agent_count
    from months
    inner join agents
        on
            months.next_month_start > agents.active_from_date
            and (agents.active_to_date is null or months.period_month <= agents.active_to_date)
    where agents.is_valid
    group by months.period_month
),

week_numbers as (
    select week_numbers.week_number
    from (values (0), (1), (2), (3), (4)) as week_numbers (week_number)
),

weekday_numbers as (
    select weekday_numbers.weekday_number
    from (values (0), (1), (2), (3), (4), (5), (6)) as weekday_numbers (weekday_number)
),

day_offsets as (
    -- 0..34: enough days to cover any month from its first day
    select 7 * week_numbers.week_number + weekday_numbers.weekday_number as day_offset
    from week_numbers
    cross join weekday_numbers
),

workdays as (
    select
        months.period_month,
        count(*) as workday_count
    from months
    cross join day_offsets
    where
        cast({{ dbt.dateadd('day', 'day_offsets.day_offset', 'months.period_month') }} as date)
        < months.next_month_start
        and {{ iso_day_of_week(
            'cast(' ~ dbt.dateadd('day', 'day_offsets.day_offset', 'months.period_month') ~ ' as date)'
        ) }}
        <= 5
    group by months.period_month
),

monthly as (
    select
        months.period_month,
        coalesce(monthly_conversations.conversation_count, 0) as conversation_count,
        coalesce(active_agents.agent_count, 0) as agent_count,
        coalesce(active_agents.agent_count, 0) * workdays.workday_count as agent_workdays
    from months
    inner join workdays on months.period_month = workdays.period_month
    left join monthly_conversations on months.period_month = monthly_conversations.period_month
    left join active_agents on months.period_month = active_agents.period_month
),

final as (
    select
        {{ kpi_columns(
            90, 'conversations_per_teammate',
            numerator='conversation_count',
            denominator='agent_count',
        ) }}
    from monthly
    union all
    select
        {{ kpi_columns(
            90, 'conversations_per_teammate_per_workday',
            numerator='conversation_count',
            denominator='agent_workdays',
        ) }}
    from monthly
)

select * from final
