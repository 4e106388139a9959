-- KPI 67: for openings filled in the month, submitted applications to them / hires into them.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

openings as (
    select * from {{ ref('int_job_openings_enriched') }}
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'filled_date') }} as date) as period_month,
        sum(submitted_applications) as submitted_applications,
        sum(hires) as hires
    from openings
    where filled_date is not null
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            67, 'candidates_per_hire',
            numerator='coalesce(monthly.submitted_applications, 0)',
            denominator='coalesce(monthly.hires, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
