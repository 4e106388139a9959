-- KPI 80: permanent employees / freelancers and contractors, active at month end (NULL when
-- there are no freelancers or contractors).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

month_ends as (
    select * from {{ ref('int_employee_month_ends') }}
),

monthly as (
    select
        period_month,
        sum(case when employment_type = 'permanent' then 1 else 0 end) as permanent_employees,
        sum(case when employment_type in ('freelancer', 'contractor') then 1 else 0 end) as flexible_workers
    from month_ends
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            80, 'permanent_to_freelance_ratio',
            numerator='coalesce(monthly.permanent_employees, 0)',
            denominator='coalesce(monthly.flexible_workers, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
