-- KPI 76: mean years of service (days from the start of the current spell to the end of the
-- month, inclusive of both, / 365.25) of employees active at month end.
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
        {{ exact_sum('tenure_days / 365.25') }} as tenure_years,
        count(*) as employees
    from month_ends
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            76, 'average_tenure',
            numerator='coalesce(monthly.tenure_years, 0)',
            denominator='coalesce(monthly.employees, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
