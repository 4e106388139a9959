-- KPI 83: training spend booked in the month (training_cost) and the same per employee active
-- at month end (training_cost_per_employee; NULL with no employees).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

spend as (
    select * from {{ ref('stg_hris__training_spend') }}
),

month_ends as (
    select * from {{ ref('int_employee_month_ends') }}
),

monthly_spend as (
    select
        cast({{ dbt.date_trunc('month', 'spend_date') }} as date) as period_month,
        sum(amount) as training_cost
    from spend
    group by period_month
),

headcount as (
    select
        period_month,
        count(*) as employees
    from month_ends
    group by period_month
),

joined as (
    select
        months.period_month,
        coalesce(monthly_spend.training_cost, 0) as training_cost,
        coalesce(headcount.employees, 0) as employees
    from months
    left join monthly_spend on months.period_month = monthly_spend.period_month
    left join headcount on months.period_month = headcount.period_month
),

final as (
    select {{ kpi_columns(83, 'training_cost', value='training_cost') }}
    from joined

    union all

    select
        {{ kpi_columns(
            83, 'training_cost_per_employee',
            numerator='training_cost',
            denominator='employees',
        ) }}
    from joined
)

select * from final
