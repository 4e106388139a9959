-- KPI 70: eNPS = 100 x (promoters 9-10 - detractors 0-6) / valid responses in the month.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

responses as (
    select * from {{ ref('stg_engagement__employee_survey_responses') }}
    where is_valid
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'responded_at') }} as date) as period_month,
        100 * sum(case when score >= 9 then 1 when score <= 6 then -1 else 0 end) as net_promoters_x100,
        count(*) as responses
    from responses
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            70, 'employee_nps',
            numerator='coalesce(monthly.net_promoters_x100, 0)',
            denominator='coalesce(monthly.responses, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
