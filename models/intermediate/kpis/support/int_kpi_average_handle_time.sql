-- KPI 86: mean handle time (talk + hold + after-call work, seconds; a part the phone system
-- did not record counts as 0) of the calls answered in the month. NULL without answered calls.
with
months as (
    select * from {{ ref('int_support_months') }}
),

calls as (
    select * from {{ ref('stg_helpdesk__calls') }}
),

answered as (
    select
        cast({{ dbt.date_trunc('month', 'answered_at') }} as date) as period_month,
        {{ exact_sum('handle_seconds') }} as handle_seconds,
        count(*) as answered_calls
    from calls
    where is_answered
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            86, 'average_handle_time',
            numerator='coalesce(answered.handle_seconds, 0)',
            denominator='coalesce(answered.answered_calls, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join answered on months.period_month = answered.period_month
)

select * from final
