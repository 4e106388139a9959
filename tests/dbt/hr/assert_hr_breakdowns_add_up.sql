-- Identity: breakdown counts add up to their 'all' row (headcount by employment type, hires
-- by candidate source), and the 'all' rows of hires_by_department and source_of_hire equal
-- monthly_hires. Returns the months and outputs that break it.
with
hr_kpis as (
    select * from {{ ref('hr_kpis') }}
),

breakdown_sums as (
    select
        kpi_name,
        period_month,
        sum(case when dimension = 'all' then value else 0 end) as total_value,
        sum(case when dimension != 'all' then value else 0 end) as breakdown_value
    from hr_kpis
    where kpi_name in ('headcount', 'source_of_hire')
    group by kpi_name, period_month
),

hire_totals as (
    select
        period_month,
        max(case when kpi_name = 'monthly_hires' then value end) as monthly_hires,
        max(case when kpi_name = 'hires_by_department' then value end) as department_hires,
        max(case when kpi_name = 'source_of_hire' then value end) as source_hires
    from hr_kpis
    where
        dimension = 'all'
        and kpi_name in ('monthly_hires', 'hires_by_department', 'source_of_hire')
    group by period_month
),

final as (
    select
        kpi_name,
        period_month,
        'breakdown rows do not add up to the all row' as problem
    from breakdown_sums
    where total_value != breakdown_value

    union all

    select
        'hires_by_department|source_of_hire' as kpi_name,
        period_month,
        'all rows differ from monthly_hires' as problem
    from hire_totals
    where monthly_hires != department_hires or monthly_hires != source_hires
)

select * from final
