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
    select
        months.period_month,
        'employment_type' as dimension,
        employment_types.employment_type as dimension_value,
        coalesce(by_type.employees, 0) as employees
    from months
    cross join employment_types
    left join by_type
        on
            months.period_month = by_type.period_month
            and employment_types.employment_type = by_type.employment_type

    union all

    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(by_type.employees), 0) as employees
    from months
    left join by_type on months.period_month = by_type.period_month
    group by months.period_month
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
