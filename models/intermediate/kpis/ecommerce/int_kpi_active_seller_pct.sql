-- KPI 13: sellers who created at least one listing in the month / sellers registered by the
-- end of the month. The numerator only counts sellers registered by then, so it never
-- exceeds the denominator. NULL while no seller is registered.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

sellers as (
    select * from {{ ref('stg_shop__sellers') }}
),

listings as (
    select * from {{ ref('stg_shop__listings') }}
),

monthly_registrations as (
    select
        cast({{ dbt.date_trunc('month', 'registered_at') }} as date) as registration_month,
        count(*) as registered_sellers
    from sellers
    group by registration_month
),

registered as (
    select
        months.period_month,
        coalesce(sum(monthly_registrations.registered_sellers), 0) as registered_sellers
    from months
    left join monthly_registrations on months.period_month >= monthly_registrations.registration_month
    group by months.period_month
),

listing_sellers as (
    select distinct
        cast({{ dbt.date_trunc('month', 'listings.created_at') }} as date) as period_month,
        listings.seller_id,
        sellers.registered_at
    from listings
    inner join sellers on listings.seller_id = sellers.seller_id
),

active as (
    select
        period_month,
        count(distinct seller_id) as active_sellers
    from listing_sellers
    where registered_at < {{ dbt.dateadd('month', 1, 'period_month') }}
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            13, 'active_seller_pct',
            numerator='coalesce(active.active_sellers, 0)',
            denominator='registered.registered_sellers',
            period_month='registered.period_month',
        ) }}
    from registered
    left join active on registered.period_month = active.period_month
)

select * from final
