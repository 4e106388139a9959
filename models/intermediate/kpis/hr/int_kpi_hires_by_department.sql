-- KPI 74: offers accepted in the month by the department of the opening (every department
-- with an opening gets a row each month, 0 when none); the 'all' row is every hire. Hires of
-- openings missing from the openings export count under department 'unknown'.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

departments as (
    select distinct department from {{ ref('stg_ats__job_openings') }}
    where department is not null
    union
    select distinct department from applications
    where is_hired and department = 'unknown'
),

by_department as (
    select
        cast({{ dbt.date_trunc('month', 'hired_at') }} as date) as period_month,
        department,
        count(*) as hires
    from applications
    where is_hired
    group by period_month, department
),

counts as (
    {{ breakdown_with_total('months', 'departments', 'by_department', 'department', 'department', ['hires']) }}
),

final as (
    select
        {{ kpi_columns(
            74, 'hires_by_department',
            value='hires',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
