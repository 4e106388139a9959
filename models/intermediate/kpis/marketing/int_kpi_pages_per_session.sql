-- KPI 34: pageviews of the web sessions started in the month / those sessions. A session
-- with no recorded pageview counts as a session with 0 pageviews; no sessions gives NULL.
with
web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            34, 'pages_per_session',
            numerator='pageviews',
            denominator='sessions',
        ) }}
    from web_months
)

select * from final
