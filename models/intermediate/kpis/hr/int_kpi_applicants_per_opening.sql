-- KPI 68: applications submitted in the month / job openings open at any time during the month.
with
months as (
    select
        period_month,
        {{ hr_month_end('period_month') }} as month_end_date
    from {{ ref('int_hr_months') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

openings as (
    select * from {{ ref('int_job_openings_enriched') }}
),

submitted as (
    select
        cast({{ dbt.date_trunc('month', 'submitted_at') }} as date) as period_month,
        count(*) as submitted_applications
    from applications
    where is_submitted
    group by period_month
),

open_openings as (
    select
        months.period_month,
        count(*) as open_openings
    from months
    inner join openings
        on
            months.month_end_date >= openings.opened_date
            and (openings.ended_date is null or months.period_month <= openings.ended_date)
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(
            68, 'applicants_per_opening',
            numerator='coalesce(submitted.submitted_applications, 0)',
            denominator='coalesce(open_openings.open_openings, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join submitted on months.period_month = submitted.period_month
    left join open_openings on months.period_month = open_openings.period_month
)

select * from final
