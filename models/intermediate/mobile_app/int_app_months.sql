{{ config(materialized='table') }}
-- One row per calendar month covered by the app's data (sessions, installs, purchases,
-- install spend, store rankings): the month spine every mobile-app KPI reports on.
{{ activity_month_spine([
    [ref('stg_app__sessions'), 'started_at'],
    [ref('stg_app__sessions'), 'ended_at'],
    [ref('stg_app__installs'), 'installed_at'],
    [ref('stg_app__purchases'), 'purchased_at'],
    [ref('stg_app__install_campaign_spend'), 'spend_date'],
    [ref('stg_app__store_rankings'), 'ranking_date'],
]) }}
