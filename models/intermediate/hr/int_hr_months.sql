-- One row per calendar month covered by the hr domain's activity records: the month spine
-- every hr KPI reports on. Employment and opening dates reach far into the past (founders,
-- long-open roles) and do not extend it.
with
activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from (
        select cast(start_date as timestamp) as activity_at from {{ ref('stg_hris__absences') }}
        union all
        select cast(spend_date as timestamp) as activity_at from {{ ref('stg_hris__training_spend') }}
        union all
        select cast(cost_date as timestamp) as activity_at from {{ ref('stg_ats__recruiting_costs') }}
        union all
        select started_at as activity_at from {{ ref('stg_ats__applications') }}
        union all
        select offer_accepted_at as activity_at from {{ ref('stg_ats__applications') }}
        union all
        select first_engaged_at as activity_at from {{ ref('stg_ats__candidates') }}
        union all
        select responded_at as activity_at from {{ ref('stg_engagement__employee_survey_responses') }}
    ) as activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
