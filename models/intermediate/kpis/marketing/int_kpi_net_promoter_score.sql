-- KPI 33: customer NPS answers of the month: 100 x (promoters (9-10) - detractors (0-6)) /
-- answers, on -100..100. Every answer counts (a customer answering twice counts twice);
-- answers without a score (is_valid = false) are left out; no answers gives NULL.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

responses as (
    select * from {{ ref('stg_surveys__nps_responses') }}
    where is_valid
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'responded_at') }} as date) as period_month,
        count(*) filter (where score >= 9) as promoters,
        count(*) filter (where score <= 6) as detractors,
        count(*) as responses
    from responses
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            33, 'net_promoter_score',
            numerator='100 * (coalesce(monthly.promoters, 0) - coalesce(monthly.detractors, 0))',
            denominator='coalesce(monthly.responses, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
