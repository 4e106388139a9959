-- One row per calendar month covered by the CRM's activity (leads, activities, deals): the
-- month spine every sales KPI reports on, so quiet months still get a row.
with
activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from (
        select created_at as activity_at from {{ ref('stg_crm__leads') }}
        union all
        select completed_at as activity_at from {{ ref('stg_crm__activities') }}
        union all
        select created_at as activity_at from {{ ref('stg_crm__deals') }}
        union all
        select cast(closed_date as timestamp) as activity_at from {{ ref('stg_crm__deals') }}
    ) as activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
