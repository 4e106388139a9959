{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='period_month',
) }}
{% set window_start = incremental_window_start('case when sessions > 0 then period_month end') %}
{% set first_month = none if window_start is none else 'cast(' ~ dbt.date_trunc('month', window_start) ~ ' as date)' %}
-- One row per month of the marketing spine: the web-session counts the session-based KPIs
-- (29, 34, 35, 39, 40) divide, from one scan of fct_web_sessions. Months without sessions
-- get zeros.
-- Incremental (macros/incremental): recomputes the months from the one holding the first day of
-- the lookback window before the newest month with sessions; the counts are per month.
with
months as (
    select * from {{ ref('int_marketing_months') }}
    where {{ in_incremental_window('period_month', first_month) }}
),

web_sessions as (
    select * from {{ ref('fct_web_sessions') }}
    where {{ in_incremental_window('session_month', first_month) }}
),

monthly as (
    select
        session_month as period_month,
        count(*) as sessions,
        sum(pageview_count) as pageviews,
        count(*) filter (where is_bounce) as bounced_sessions,
        count(*) filter (where is_search) as search_sessions,
        count(*) filter (where is_branded_search) as branded_search_sessions,
        count(*) filter (where has_goal_conversion) as converted_sessions,
        count(distinct visitor_id) as visitors,
        count(*) filter (where is_first_visit_session) as new_visitors
    from web_sessions
    group by session_month
),

final as (
    select
        months.period_month,
        coalesce(monthly.sessions, 0) as sessions,
        coalesce(monthly.pageviews, 0) as pageviews,
        coalesce(monthly.bounced_sessions, 0) as bounced_sessions,
        coalesce(monthly.search_sessions, 0) as search_sessions,
        coalesce(monthly.branded_search_sessions, 0) as branded_search_sessions,
        coalesce(monthly.converted_sessions, 0) as converted_sessions,
        coalesce(monthly.visitors, 0) as visitors,
        coalesce(monthly.new_visitors, 0) as new_visitors
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
