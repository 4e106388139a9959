-- KPI 101: tickets created in the month, overall and by channel (every channel ever seen gets
-- a row each month, 0 when silent).
with
months as (
    select * from {{ ref('int_support_months') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

channels as (
    select distinct channel from tickets
),

monthly_counts as (
    select
        created_month as period_month,
        channel,
        count(*) as ticket_count
    from tickets
    group by created_month, channel
),

counts as (
    {{ breakdown_with_total('months', 'channels', 'monthly_counts', 'channel', 'channel', ['ticket_count']) }}
),

final as (
    select
        {{ kpi_columns(
            101, 'ticket_volume',
            value='ticket_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
