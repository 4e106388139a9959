{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='session_id',
) }}
{% set window_start = incremental_window_start('started_at') %}
-- One row per web session with its pageview count, bounce and goal flags and whether it is
-- the visitor's first-ever session. Shared by the marketing KPIs (27, 29, 34, 35, 39, 40)
-- and any domain that needs web traffic (e.g. sessions to purchase).
-- Incremental (macros/incremental): re-derives the sessions started inside the lookback window.
with
sessions as (
    select * from {{ ref('stg_web__sessions') }}
    where {{ in_incremental_window('started_at', window_start) }}
),

pageviews as (
    select * from {{ ref('stg_web__pageviews') }}
    {% if window_start is not none %}
        where session_id in (select sessions.session_id from sessions)
    {% endif %}
),

goal_conversions as (
    select * from {{ ref('stg_web__goal_conversions') }}
    {% if window_start is not none %}
        where session_id in (select sessions.session_id from sessions)
    {% endif %}
),

-- visitors with a session already built before the window: none of theirs inside is the first
visitors_seen_before as (
    {% if window_start is not none %}
        select distinct visitor_id from {{ this }}
        where not {{ in_incremental_window('started_at', window_start) }}
    {% else %}
        select visitor_id from sessions
        where false
    {% endif %}
),

pageview_counts as (
    select
        session_id,
        count(*) as pageview_count
    from pageviews
    group by session_id
),

converted_sessions as (
    select
        session_id,
        count(*) as goal_conversion_count
    from goal_conversions
    group by session_id
),

final as (
    select
        sessions.session_id,
        sessions.visitor_id,
        sessions.customer_id,
        sessions.started_at,
        cast({{ dbt.date_trunc('month', 'sessions.started_at') }} as date) as session_month,
        coalesce(sessions.landing_page, '(not set)') as landing_page,
        sessions.traffic_source,
        sessions.medium,
        sessions.search_term,
        sessions.traffic_source in ('organic_search', 'paid_search') as is_search,
        (
            sessions.traffic_source in ('organic_search', 'paid_search')
            and coalesce(sessions.is_branded_search, false)
        ) as is_branded_search,
        coalesce(pageview_counts.pageview_count, 0) as pageview_count,
        coalesce(pageview_counts.pageview_count, 0) = 1 as is_bounce,
        coalesce(converted_sessions.goal_conversion_count, 0) as goal_conversion_count,
        converted_sessions.session_id is not null as has_goal_conversion,
        (
            row_number() over (
                partition by sessions.visitor_id
                order by sessions.started_at, sessions.session_id
            ) = 1
            and visitors_seen_before.visitor_id is null
        ) as is_first_visit_session
    from sessions
    left join pageview_counts on sessions.session_id = pageview_counts.session_id
    left join converted_sessions on sessions.session_id = converted_sessions.session_id
    left join visitors_seen_before on sessions.visitor_id = visitors_seen_before.visitor_id
)

select * from final
