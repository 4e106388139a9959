-- KPI 65: unplanned absence days / scheduled workdays (Mon-Fri days active, summed over employees).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

workdays as (
    select * from {{ ref('int_employee_workdays_counted') }}
),

monthly as (
    select
        period_month,
        {{ exact_sum('unplanned_absence_days') }} as unplanned_absence_days,
        sum(scheduled_workdays) as scheduled_workdays
    from workdays
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            65, 'absenteeism_rate',
            numerator='coalesce(monthly.unplanned_absence_days, 0)',
            denominator='coalesce(monthly.scheduled_workdays, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
