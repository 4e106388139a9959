-- KPI 12: per ISO week W, listings live during W (live over [created_at, delisted_at), so a
-- listing delisted mid-week is live that week) with at least active_listing_min_weekly_views
-- views in W (anonymous views included) / listings live during W. The month's value is the
-- mean of the weekly values of the ISO weeks starting in it (a week spanning two months
-- belongs to the month it starts in): numerator = sum of weekly values, denominator = weeks
-- with a value (weeks without live listings have none). is_complete is false while a week of
-- the month ends after the end of the data.
with
weeks as (
    select * from {{ ref('int_ecommerce_weeks') }}
),

months as (
    select * from {{ ref('int_ecommerce_months') }}
),

listings as (
    select * from {{ ref('stg_shop__listings') }}
),

views as (
    select * from {{ ref('stg_shop__listing_views') }}
),

data_end as (
    select {{ dbt.dateadd('month', 1, 'max(period_month)') }} as data_end_at
    from months
),

weekly_views as (
    select
        listing_id,
        {{ iso_week_start('viewed_at') }} as week_start,
        count(*) as view_count
    from views
    group by listing_id, week_start
),

live_listing_weeks as (
    select
        weeks.period_month,
        weeks.week_start,
        listings.listing_id
    from weeks
    inner join listings
        on
            weeks.week_end_at > listings.created_at
            and (listings.delisted_at is null or weeks.week_start_at < listings.delisted_at)
),

weekly as (
    select
        live_listing_weeks.period_month,
        live_listing_weeks.week_start,
        count(*) as live_listings,
        count(
            case when weekly_views.view_count >= {{ var('active_listing_min_weekly_views') }} then 1 end
        ) as active_listings
    from live_listing_weeks
    left join weekly_views
        on
            live_listing_weeks.listing_id = weekly_views.listing_id
            and live_listing_weeks.week_start = weekly_views.week_start
    group by live_listing_weeks.period_month, live_listing_weeks.week_start
),

monthly as (
    select
        period_month,
        {{ exact_sum(safe_divide('active_listings', 'live_listings')) }} as weekly_pct_sum,
        count(*) as weeks_with_live_listings
    from weekly
    group by period_month
),

month_weeks as (
    select
        period_month,
        max(week_end_at) as last_week_end_at
    from weeks
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            12, 'active_listing_pct',
            numerator='coalesce(monthly.weekly_pct_sum, 0)',
            denominator='coalesce(monthly.weeks_with_live_listings, 0)',
            period_month='months.period_month',
            is_complete='coalesce(month_weeks.last_week_end_at <= data_end.data_end_at, true)',
        ) }}
    from months
    cross join data_end
    left join monthly on months.period_month = monthly.period_month
    left join month_weeks on months.period_month = month_weeks.period_month
)

select * from final
