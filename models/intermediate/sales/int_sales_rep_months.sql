{{ config(materialized='table') }}
-- One row per sales rep and month of the sales spine, flagging whether the rep was active
-- (employed as a rep) on at least one day of the month. Active reps are the denominator of
-- KPI 51, whether or not they logged any activity.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

rep_spells as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

reps as (
    select distinct rep_id from rep_spells
),

active_months as (
    select distinct
        months.period_month,
        rep_spells.rep_id
    from months
    inner join rep_spells
        on
            {{ dbt.dateadd('month', 1, 'months.period_month') }} > rep_spells.active_from_date
            and (rep_spells.active_to_date is null or months.period_month <= rep_spells.active_to_date)
),

final as (
    select
        months.period_month,
        reps.rep_id,
        active_months.rep_id is not null as is_active
    from months
    cross join reps
    left join active_months
        on
            months.period_month = active_months.period_month
            and reps.rep_id = active_months.rep_id
)

select * from final
