-- KPI 19: carts created in the month holding at least one item (a line with quantity > 0)
-- from which no valid order was placed / carts created in the month holding at least one
-- item. Empty carts count nowhere; a cancelled order does not rescue its cart; the order may
-- come in a later month (restated as orders arrive). NULL in a month without non-empty carts.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

carts as (
    select * from {{ ref('stg_shop__carts') }}
),

cart_items as (
    select * from {{ ref('stg_shop__cart_items') }}
),

valid_orders as (
    select * from {{ ref('fct_orders') }}
    where is_valid
),

filled_carts as (
    select distinct cart_id from cart_items
    where has_units
),

ordered_carts as (
    select distinct cart_id from valid_orders
    where cart_id is not null
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'carts.created_at') }} as date) as period_month,
        count(*) as non_empty_carts,
        count(case when ordered_carts.cart_id is null then 1 end) as abandoned_carts
    from carts
    inner join filled_carts on carts.cart_id = filled_carts.cart_id
    left join ordered_carts on carts.cart_id = ordered_carts.cart_id
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            19, 'cart_abandonment_rate',
            numerator='coalesce(monthly.abandoned_carts, 0)',
            denominator='coalesce(monthly.non_empty_carts, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
