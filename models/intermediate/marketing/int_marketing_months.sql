{{ config(materialized='table') }}
-- One row per calendar month covered by the marketing domain's data: the month spine
-- every marketing KPI reports on, so months without activity still get a row.
{{ activity_month_spine([
    [ref('stg_media__press_mentions'), 'published_at'],
    [ref('stg_media__social_mentions'), 'posted_at'],
    [ref('stg_ads__ad_performance'), 'report_date'],
    [ref('stg_ads__site_ad_revenue'), 'report_date'],
    [ref('stg_web__sessions'), 'started_at'],
    [ref('stg_surveys__brand_survey_responses'), 'responded_at'],
    [ref('stg_surveys__nps_responses'), 'responded_at'],
    [ref('stg_referrals__invitations'), 'sent_at'],
]) }}
