-- One row per calendar month covered by the app's data (sessions, installs, purchases,
-- install spend, store rankings): the month spine every mobile-app KPI reports on.
with
activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from (
        select started_at as activity_at from {{ ref('stg_app__sessions') }}
        union all
        select installed_at as activity_at from {{ ref('stg_app__installs') }}
        union all
        select purchased_at as activity_at from {{ ref('stg_app__purchases') }}
        union all
        select cast(spend_date as timestamp) as activity_at from {{ ref('stg_app__install_campaign_spend') }}
        union all
        select cast(ranking_date as timestamp) as activity_at from {{ ref('stg_app__store_rankings') }}
    ) as activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
