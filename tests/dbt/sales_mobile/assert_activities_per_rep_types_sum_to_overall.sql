-- KPI 51 identity: each month, the activity-type numerators sum to the overall numerator and
-- share its denominator (every completed activity has exactly one type).
with
overall as (
    select
        period_month,
        numerator,
        denominator
    from {{ ref('sales_kpis') }}
    where kpi_name = 'activities_per_rep' and dimension = 'all'
),

by_type as (
    select
        period_month,
        sum(numerator) as numerator,
        min(denominator) as min_denominator,
        max(denominator) as max_denominator
    from {{ ref('sales_kpis') }}
    where kpi_name = 'activities_per_rep' and dimension = 'activity_type'
    group by period_month
)

select
    overall.period_month,
    overall.numerator as overall_activities,
    by_type.numerator as activities_by_type
from overall
left join by_type on overall.period_month = by_type.period_month
where
    coalesce(by_type.numerator, 0) != overall.numerator
    or by_type.min_denominator != overall.denominator
    or by_type.max_denominator != overall.denominator
