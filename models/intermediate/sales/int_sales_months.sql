{{ config(materialized='table') }}
-- One row per calendar month covered by the CRM's activity (leads, activities, deals): the
-- month spine every sales KPI reports on, so quiet months still get a row.
{{ activity_month_spine([
    [ref('stg_crm__leads'), 'created_at'],
    [ref('stg_crm__activities'), 'completed_at'],
    [ref('stg_crm__deals'), 'created_at'],
    [ref('stg_crm__deals'), 'closed_date'],
]) }}
