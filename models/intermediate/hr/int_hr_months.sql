{{ config(materialized='table') }}
-- One row per calendar month covered by the hr domain's activity records: the month spine
-- every hr KPI reports on, absence end dates included (spec "Month spines"). Employment dates
-- (start and termination) and opening dates reach far into the past (founders, former staff,
-- long-open roles) and do not extend it.
{{ activity_month_spine([
    [ref('stg_hris__absences'), 'start_date'],
    [ref('stg_hris__absences'), 'end_date'],
    [ref('stg_hris__training_spend'), 'spend_date'],
    [ref('stg_ats__recruiting_costs'), 'cost_date'],
    [ref('stg_ats__applications'), 'started_at'],
    [ref('stg_ats__applications'), 'offer_accepted_at'],
    [ref('stg_ats__candidates'), 'first_engaged_at'],
    [ref('stg_engagement__employee_survey_responses'), 'responded_at'],
]) }}
