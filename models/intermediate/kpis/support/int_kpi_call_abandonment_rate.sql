-- KPI 89: inbound calls offered (queued) in the month that the caller ended before an answer,
-- over inbound calls offered in the month. NULL in a month without inbound calls.
with
months as (
    select * from {{ ref('int_support_months') }}
),

calls as (
    select * from {{ ref('stg_helpdesk__calls') }}
),

offered as (
    select
        cast({{ dbt.date_trunc('month', 'queued_at') }} as date) as period_month,
        sum(case when is_abandoned then 1 else 0 end) as abandoned_calls,
        count(*) as offered_calls
    from calls
    where direction = 'inbound'
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            89, 'call_abandonment_rate',
            numerator='coalesce(offered.abandoned_calls, 0)',
            denominator='coalesce(offered.offered_calls, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join offered on months.period_month = offered.period_month
)

select * from final
