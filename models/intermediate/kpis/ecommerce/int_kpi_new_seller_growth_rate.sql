-- KPI 11: new sellers (first listing created in the month) and their month-on-month growth
-- rate, NULL in the first month and after a month with no new sellers.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

listings as (
    select * from {{ ref('stg_shop__listings') }}
),

first_listings as (
    select
        seller_id,
        cast({{ dbt.date_trunc('month', 'min(created_at)') }} as date) as first_listing_month
    from listings
    group by seller_id
),

monthly as (
    select
        months.period_month,
        count(first_listings.seller_id) as new_sellers
    from months
    left join first_listings on months.period_month = first_listings.first_listing_month
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(
            11, 'new_seller_growth_rate',
            numerator=growth_numerator('new_sellers'),
            denominator=growth_denominator('new_sellers'),
        ) }}
    from monthly
    union all
    select
        {{ kpi_columns(11, 'new_sellers', value='new_sellers') }}
    from monthly
)

select * from final
