-- KPI 27: web sessions started in the month with exactly one pageview / web sessions started
-- in the month, overall and by landing page. A session with no recorded pageview counts in
-- the denominator and is not a bounce. Every landing page ever seen gets a row each month;
-- no sessions gives NULL.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

web_sessions as (
    select * from {{ ref('fct_web_sessions') }}
),

landing_pages as (
    select distinct landing_page from web_sessions
),

monthly as (
    select
        session_month as period_month,
        landing_page,
        count(*) filter (where is_bounce) as bounced_sessions,
        count(*) as sessions
    from web_sessions
    group by session_month, landing_page
),

counts as (
    {{ breakdown_with_total(
        'months', 'landing_pages', 'monthly', 'landing_page', 'landing_page',
        ['bounced_sessions', 'sessions']
    ) }}
),

final as (
    select
        {{ kpi_columns(
            27, 'bounce_rate',
            numerator='bounced_sessions',
            denominator='sessions',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
