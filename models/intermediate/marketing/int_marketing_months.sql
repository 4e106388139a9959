-- One row per calendar month covered by the marketing domain's data: the month spine
-- every marketing KPI reports on, so months without activity still get a row.
-- Each source contributes its own first and last activity time (one scan per table).
with
source_bounds as (
    select
        min(published_at) as first_activity_at,
        max(published_at) as last_activity_at
    from {{ ref('stg_media__press_mentions') }}
    union all
    select
        min(posted_at) as first_activity_at,
        max(posted_at) as last_activity_at
    from {{ ref('stg_media__social_mentions') }}
    union all
    select
        min(cast(report_date as timestamp)) as first_activity_at,
        max(cast(report_date as timestamp)) as last_activity_at
    from {{ ref('stg_ads__ad_performance') }}
    union all
    select
        min(cast(report_date as timestamp)) as first_activity_at,
        max(cast(report_date as timestamp)) as last_activity_at
    from {{ ref('stg_ads__site_ad_revenue') }}
    union all
    select
        min(started_at) as first_activity_at,
        max(started_at) as last_activity_at
    from {{ ref('stg_web__sessions') }}
    union all
    select
        min(responded_at) as first_activity_at,
        max(responded_at) as last_activity_at
    from {{ ref('stg_surveys__brand_survey_responses') }}
    union all
    select
        min(responded_at) as first_activity_at,
        max(responded_at) as last_activity_at
    from {{ ref('stg_surveys__nps_responses') }}
    union all
    select
        min(sent_at) as first_activity_at,
        max(sent_at) as last_activity_at
    from {{ ref('stg_referrals__invitations') }}
),

activity_bounds as (
    select
        min(first_activity_at) as first_activity_at,
        max(last_activity_at) as last_activity_at
    from source_bounds
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
