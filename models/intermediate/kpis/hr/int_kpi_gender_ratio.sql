-- KPI 72: share of employees active at month end by gender (shares of a month sum to 1;
-- undisclosed is a group of its own). The 'all' row is the whole workforce (share 1).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

month_ends as (
    select * from {{ ref('int_employee_month_ends') }}
),

genders as (
    select distinct gender from {{ ref('fct_employee_spells') }}
),

by_gender as (
    select
        period_month,
        gender,
        count(*) as employees
    from month_ends
    group by period_month, gender
),

totals as (
    select
        period_month,
        count(*) as employees
    from month_ends
    group by period_month
),

shares as (
    select
        months.period_month,
        'gender' as dimension,
        genders.gender as dimension_value,
        coalesce(by_gender.employees, 0) as employees,
        coalesce(totals.employees, 0) as total_employees
    from months
    cross join genders
    left join by_gender
        on months.period_month = by_gender.period_month and genders.gender = by_gender.gender
    left join totals on months.period_month = totals.period_month

    union all

    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(totals.employees, 0) as employees,
        coalesce(totals.employees, 0) as total_employees
    from months
    left join totals on months.period_month = totals.period_month
),

final as (
    select
        {{ kpi_columns(
            72, 'gender_ratio',
            numerator='employees',
            denominator='total_employees',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from shares
)

select * from final
