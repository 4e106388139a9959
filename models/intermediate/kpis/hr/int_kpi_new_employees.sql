-- KPI 78: employment spells whose start date is in the month (a rehire's new spell counts).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

spells as (
    select * from {{ ref('fct_employee_spells') }}
),

monthly as (
    select
        start_month as period_month,
        count(*) as starters
    from spells
    group by start_month
),

final as (
    select
        {{ kpi_columns(
            78, 'new_employees',
            value='coalesce(monthly.starters, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
