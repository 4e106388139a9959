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

employees_rows as (
    {{ breakdown_with_total('months', 'genders', 'by_gender', 'gender', 'gender', ['employees']) }}
),

shares as (
    select
        employees_rows.*,
        sum(case when employees_rows.dimension = 'all' then employees_rows.employees end)
            over (partition by employees_rows.period_month) as total_employees
    from employees_rows
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
