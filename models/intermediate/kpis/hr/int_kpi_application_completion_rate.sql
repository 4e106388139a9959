-- KPI 66: applications started in the month that were submitted / applications started in the month.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'started_at') }} as date) as period_month,
        sum(case when is_submitted then 1 else 0 end) as submitted_applications,
        count(*) as started_applications
    from applications
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            66, 'application_completion_rate',
            numerator='coalesce(monthly.submitted_applications, 0)',
            denominator='coalesce(monthly.started_applications, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
