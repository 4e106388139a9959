-- One row per (month, employee) with any scheduled workday: Monday-Friday days on which the
-- employee was active, and the unplanned absence days on those workdays. Absence days on
-- weekends or outside employment are not counted; overlapping records of one day count at
-- most one day; a half-day record counts 0.5 per workday. No public-holiday calendar.
{{ config(materialized='table') }}

with
months as (
    select * from {{ ref('int_hr_months') }}
),

spells as (
    select * from {{ ref('fct_employee_spells') }}
),

absences as (
    select * from {{ ref('stg_hris__absences') }}
    where is_valid and is_unplanned
),

workdays as (
    select calendar_date
    from (
        {{ hr_day_spine('(select min(period_month) from months)', '(select max(period_month) from months)') }}
    ) as calendar_days
    where {{ hr_is_weekday('calendar_date') }}
),

employee_workdays as (
    select distinct
        spells.employee_id,
        workdays.calendar_date
    from workdays
    inner join spells
        on
            workdays.calendar_date >= spells.start_date
            and (spells.termination_date is null or workdays.calendar_date <= spells.termination_date)
),

absence_days as (
    select
        absences.employee_id,
        workdays.calendar_date,
        least({{ exact_sum('absences.day_fraction') }}, 1.0) as absent_fraction
    from absences
    inner join workdays
        on workdays.calendar_date between absences.start_date and absences.end_date
    group by absences.employee_id, workdays.calendar_date
),

final as (
    select
        cast({{ dbt.date_trunc('month', 'employee_workdays.calendar_date') }} as date) as period_month,
        employee_workdays.employee_id,
        count(*) as scheduled_workdays,
        coalesce({{ exact_sum('absence_days.absent_fraction') }}, 0) as unplanned_absence_days
    from employee_workdays
    left join absence_days
        on
            employee_workdays.employee_id = absence_days.employee_id
            and employee_workdays.calendar_date = absence_days.calendar_date
    group by period_month, employee_workdays.employee_id
)

select * from final
