-- One row per calendar month covered by the marketing domain's data: the month spine
-- every marketing KPI reports on, so months without activity still get a row.
with
activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from (
        select published_at as activity_at from {{ ref('stg_media__press_mentions') }}
        union all
        select posted_at as activity_at from {{ ref('stg_media__social_mentions') }}
    ) as activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
