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

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(monthly_counts.ticket_count), 0) as ticket_count
    from months
    left join monthly_counts on months.period_month = monthly_counts.period_month
    group by months.period_month
),

by_channel as (
    select
        months.period_month,
        'channel' as dimension,
        channels.channel as dimension_value,
        coalesce(monthly_counts.ticket_count, 0) as ticket_count
    from months
    cross join channels
    left join monthly_counts
        on
            months.period_month = monthly_counts.period_month
            and channels.channel = monthly_counts.channel
),

final as (
    select
        {{ kpi_columns(
            101, 'ticket_volume',
            value='ticket_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from (
        select * from overall
        union all
        select * from by_channel
    ) as counts
)

select * from final
