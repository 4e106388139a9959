-- KPI 71: gender pay gap of each gender other than male versus men, among employees active
-- at month end with a salary in force. Adjusted (gender_pay_gap): within each job level that
-- has both the gender and men, 1 - mean salary of the gender / mean salary of men, averaged
-- weighted by the gender's headcount in those levels (numerator = sum of n x gap, denominator
-- = n in shared levels). Unadjusted (gender_pay_gap_unadjusted): 1 - mean / male mean over all
-- levels (numerator = male mean - gender mean, denominator = male mean). NULL when no level is
-- shared, or when there are no men. Privacy: a group (gender x level, or a gender overall, men
-- included) of fewer than pay_gap_min_group_size employees is never reported on its own: such
-- a level pair is left out of the adjusted gap and such a gender gets a NULL unadjusted gap.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

month_ends as (
    select * from {{ ref('int_employee_month_ends') }}
    where annual_salary is not null
),

genders as (
    select distinct gender from {{ ref('fct_employee_spells') }}
    where gender != 'male'
),

level_pay as (
    select
        period_month,
        job_level,
        gender,
        count(*) as employees,
        avg(annual_salary) as mean_salary
    from month_ends
    group by period_month, job_level, gender
),

adjusted as (
    select
        level_pay.period_month,
        level_pay.gender,
        {{ exact_sum('level_pay.employees * (1 - level_pay.mean_salary / male_pay.mean_salary)') }} as weighted_gap,
        sum(level_pay.employees) as employees_in_shared_levels
    from level_pay
    inner join level_pay as male_pay
        on
            level_pay.period_month = male_pay.period_month
            and level_pay.job_level = male_pay.job_level
            and male_pay.gender = 'male'
    where
        level_pay.gender != 'male'
        and level_pay.employees >= {{ var('pay_gap_min_group_size') }}
        and male_pay.employees >= {{ var('pay_gap_min_group_size') }}
    group by level_pay.period_month, level_pay.gender
),

overall_pay as (
    select
        period_month,
        gender,
        count(*) as employees,
        avg(annual_salary) as mean_salary
    from month_ends
    group by period_month, gender
),

unadjusted as (
    select
        overall_pay.period_month,
        overall_pay.gender,
        male_pay.mean_salary - overall_pay.mean_salary as salary_shortfall,
        male_pay.mean_salary as male_mean_salary
    from overall_pay
    inner join overall_pay as male_pay
        on
            overall_pay.period_month = male_pay.period_month
            and male_pay.gender = 'male'
    where
        overall_pay.gender != 'male'
        and overall_pay.employees >= {{ var('pay_gap_min_group_size') }}
        and male_pay.employees >= {{ var('pay_gap_min_group_size') }}
),

grid as (
    select
        months.period_month,
        genders.gender
    from months
    cross join genders
),

final as (
    select
        {{ kpi_columns(
            71, 'gender_pay_gap',
            numerator='coalesce(adjusted.weighted_gap, 0)',
            denominator='coalesce(adjusted.employees_in_shared_levels, 0)',
            period_month='grid.period_month',
            dimension="'gender'",
            dimension_value='grid.gender',
        ) }}
    from grid
    left join adjusted
        on grid.period_month = adjusted.period_month and grid.gender = adjusted.gender

    union all

    select
        {{ kpi_columns(
            71, 'gender_pay_gap_unadjusted',
            numerator='unadjusted.salary_shortfall',
            denominator='unadjusted.male_mean_salary',
            period_month='grid.period_month',
            dimension="'gender'",
            dimension_value='grid.gender',
        ) }}
    from grid
    left join unadjusted
        on grid.period_month = unadjusted.period_month and grid.gender = unadjusted.gender
)

select * from final
