-- One row per (month, employment spell) active at the end of the month (start <= last day
-- <= termination, the termination date being the last day employed), with tenure and the
-- salary in force on the last day. The snapshot behind headcount, gender ratio, pay gap,
-- tenure, the permanent/freelance ratio and training cost per employee.
{{ config(materialized='table') }}

with
months as (
    select
        period_month,
        {{ hr_month_end('period_month') }} as month_end_date
    from {{ ref('int_hr_months') }}
),

spells as (
    select * from {{ ref('fct_employee_spells') }}
),

salaries as (
    select * from {{ ref('stg_hris__salaries') }}
    where is_valid
),

active as (
    select
        months.period_month,
        months.month_end_date,
        spells.employment_id,
        spells.employee_id,
        spells.gender,
        spells.department,
        spells.job_level,
        spells.employment_type,
        spells.start_date,
        {{ dbt.datediff('spells.start_date', 'months.month_end_date', 'day') }}
            as tenure_days
    from months
    inner join spells
        on
            months.month_end_date >= spells.start_date
            and (spells.termination_date is null or months.month_end_date <= spells.termination_date)
),

salary_candidates as (
    select
        active.employment_id,
        active.period_month,
        salaries.annual_salary,
        row_number() over (
            partition by active.employment_id, active.period_month
            order by salaries.effective_date desc, salaries.salary_id desc
        ) as recency
    from active
    inner join salaries
        on
            active.employee_id = salaries.employee_id
            and active.month_end_date >= salaries.effective_date
),

final as (
    select
        active.*,
        salary_candidates.annual_salary
    from active
    left join salary_candidates
        on
            active.employment_id = salary_candidates.employment_id
            and active.period_month = salary_candidates.period_month
            and salary_candidates.recency = 1
)

select * from final
