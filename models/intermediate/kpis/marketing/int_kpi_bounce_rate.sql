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

by_landing_page as (
    select
        months.period_month,
        'landing_page' as dimension,
        landing_pages.landing_page as dimension_value,
        coalesce(monthly.bounced_sessions, 0) as bounced_sessions,
        coalesce(monthly.sessions, 0) as sessions
    from months
    cross join landing_pages
    left join monthly
        on
            months.period_month = monthly.period_month
            and landing_pages.landing_page = monthly.landing_page
),

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(monthly.bounced_sessions), 0) as bounced_sessions,
        coalesce(sum(monthly.sessions), 0) as sessions
    from months
    left join monthly on months.period_month = monthly.period_month
    group by months.period_month
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
    from (
        select * from overall
        union all
        select * from by_landing_page
    ) as counts
)

select * from final
