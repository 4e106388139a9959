-- KPI 87: mean, over the agent replies posted in the month, of the hours since the earliest
-- customer message each reply answers (the first customer message after the previous touch,
-- or the ticket's creation). Touches that answer no waiting message are not replies.
with
months as (
    select * from {{ ref('int_support_months') }}
),

touches as (
    select * from {{ ref('int_ticket_touches_timed') }}
),

replies as (
    select
        cast({{ dbt.date_trunc('month', 'touched_at') }} as date) as period_month,
        {{ exact_sum('reply_wait_hours') }} as wait_hours,
        count(*) as reply_count
    from touches
    where is_reply
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            87, 'average_reply_time',
            numerator='coalesce(replies.wait_hours, 0)',
            denominator='coalesce(replies.reply_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join replies on months.period_month = replies.period_month
)

select * from final
