-- KPI 91: mean customer-effort score (1-7) of the CES answers given in the month; surveys
-- without an answer are not responses. NULL in a month without answers.
with
months as (
    select * from {{ ref('int_support_months') }}
),

responses as (
    select * from {{ ref('stg_helpdesk__ces_responses') }}
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'responded_at') }} as date) as period_month,
        sum(score) as score_sum,
        count(*) as response_count
    from responses
    where is_answered
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            91, 'customer_effort_score',
            numerator='coalesce(monthly.score_sum, 0)',
            denominator='coalesce(monthly.response_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
