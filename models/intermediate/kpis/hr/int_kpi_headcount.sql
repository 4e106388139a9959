-- KPI 73: employees of every type active at month end, overall and by employment type.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

month_ends as (
    select * from {{ ref('int_employee_month_ends') }}
),

employment_types as (
    select distinct employment_type from {{ ref('fct_employee_spells') }}
),

by_type as (
    select
        period_month,
        employment_type,
        count(*) as employees
    from month_ends
    group by period_month, employment_type
),

counts as (
    {{ breakdown_with_total(
        'months', 'employment_types', 'by_type', 'employment_type', 'employment_type',
        ['employees']
    ) }}
),

final as (
    select
        {{ kpi_columns(
            73, 'headcount',
            value='employees',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
