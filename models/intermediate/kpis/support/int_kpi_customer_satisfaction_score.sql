-- KPI 92: CSAT answers given in the month rated 4 or 5 (on 1-5) over CSAT answers given in
-- the month; surveys without an answer are not responses. NULL in a month without answers.
with
months as (
    select * from {{ ref('int_support_months') }}
),

responses as (
    select * from {{ ref('stg_helpdesk__csat_responses') }}
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'responded_at') }} as date) as period_month,
        sum(case when is_satisfied then 1 else 0 end) as satisfied_count,
        count(*) as response_count
    from responses
    where is_answered
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            92, 'customer_satisfaction_score',
            numerator='coalesce(monthly.satisfied_count, 0)',
            denominator='coalesce(monthly.response_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
