-- KPI 26: revenue from ads on the company's own site in the month (0 when none), revenue per
-- thousand site ad impressions (NULL without impressions) and revenue per pageview (pageviews
-- of the web sessions started in the month; NULL without pageviews).
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

site_ad_revenue as (
    select * from {{ ref('stg_ads__site_ad_revenue') }}
),

web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

monthly_revenue as (
    select
        cast({{ dbt.date_trunc('month', 'report_date') }} as date) as period_month,
        sum(revenue) as revenue,
        sum(ad_impressions) as ad_impressions
    from site_ad_revenue
    group by period_month
),

combined as (
    select
        months.period_month,
        coalesce(monthly_revenue.revenue, 0) as revenue,
        coalesce(monthly_revenue.ad_impressions, 0) as ad_impressions,
        coalesce(web_months.pageviews, 0) as pageviews
    from months
    left join monthly_revenue on months.period_month = monthly_revenue.period_month
    left join web_months on months.period_month = web_months.period_month
),

final as (
    select {{ kpi_columns(26, 'ad_revenue', value='revenue') }}
    from combined
    union all
    select
        {{ kpi_columns(
            26, 'ad_revenue_per_mille',
            numerator='revenue * 1000',
            denominator='ad_impressions',
        ) }}
    from combined
    union all
    select
        {{ kpi_columns(
            26, 'ad_revenue_per_pageview',
            numerator='revenue',
            denominator='pageviews',
        ) }}
    from combined
)

select * from final
