-- KPI 9: distinct (viewer, listing) pairs with a view in the month whose viewer placed a
-- valid order containing that listing at or after the pair's first view of the month and at
-- most listing_conversion_window_days x 24 hours later / distinct such pairs. Anonymous views
-- are excluded; orders before the first view or cancelled do not convert. Cohort metric:
-- incomplete while the window of the month's last instant runs past the end of the data.
{% set window_days = var('listing_conversion_window_days') %}
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

views as (
    select * from {{ ref('stg_shop__listing_views') }}
    where buyer_id is not null
),

valid_orders as (
    select * from {{ ref('fct_orders') }}
    where is_valid
),

order_items as (
    select * from {{ ref('stg_shop__order_items') }}
),

view_pairs as (
    select
        cast({{ dbt.date_trunc('month', 'viewed_at') }} as date) as period_month,
        buyer_id,
        listing_id,
        min(viewed_at) as first_viewed_at
    from views
    group by period_month, buyer_id, listing_id
),

purchases as (
    select distinct
        valid_orders.customer_id,
        order_items.listing_id,
        valid_orders.placed_at
    from valid_orders
    inner join order_items on valid_orders.order_id = order_items.order_id
),

converted_pairs as (
    select distinct
        view_pairs.period_month,
        view_pairs.buyer_id,
        view_pairs.listing_id
    from view_pairs
    inner join purchases
        on
            view_pairs.buyer_id = purchases.customer_id
            and view_pairs.listing_id = purchases.listing_id
            and view_pairs.first_viewed_at <= purchases.placed_at
            and purchases.placed_at <= {{ dbt.dateadd('day', window_days, 'view_pairs.first_viewed_at') }}
),

monthly as (
    select
        view_pairs.period_month,
        count(*) as viewed_pairs,
        count(converted_pairs.buyer_id) as converted_pairs
    from view_pairs
    left join converted_pairs
        on
            view_pairs.period_month = converted_pairs.period_month
            and view_pairs.buyer_id = converted_pairs.buyer_id
            and view_pairs.listing_id = converted_pairs.listing_id
    group by view_pairs.period_month
),

final as (
    select
        {{ kpi_columns(
            9, 'listing_conversion_rate',
            numerator='coalesce(monthly.converted_pairs, 0)',
            denominator='coalesce(monthly.viewed_pairs, 0)',
            period_month='months.period_month',
            is_complete=cohort_is_complete('months.period_month', window_days, spine_data_end('months')),
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
