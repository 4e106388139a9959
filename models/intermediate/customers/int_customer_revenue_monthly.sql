-- One row per (customer, month) with revenue: the value of the customer's valid shop orders
-- placed in the month plus its subscription MRR at the end of the month. Marketing ROI (32)
-- reads it for the customers that paid channels acquired.
with
orders as (
    select * from {{ ref('fct_orders') }}
),

mrr_months as (
    select * from {{ ref('fct_mrr_customer_months') }}
),

order_revenue as (
    select
        customer_id,
        order_month as period_month,
        sum(order_value) as order_value
    from orders
    where is_valid and customer_id is not null
    group by customer_id, order_month
),

subscription_revenue as (
    select
        customer_id,
        period_month,
        mrr_end
    from mrr_months
    where mrr_end > 0
),

final as (
    select
        coalesce(order_revenue.customer_id, subscription_revenue.customer_id) as customer_id,
        coalesce(order_revenue.period_month, subscription_revenue.period_month) as period_month,
        cast(coalesce(order_revenue.order_value, 0) as decimal(18, 2)) as order_value,
        cast(coalesce(subscription_revenue.mrr_end, 0) as decimal(18, 2)) as mrr_end,
        cast(
            coalesce(order_revenue.order_value, 0) + coalesce(subscription_revenue.mrr_end, 0)
            as decimal(18, 2)
        ) as revenue
    from order_revenue
    full outer join subscription_revenue
        on
            order_revenue.customer_id = subscription_revenue.customer_id
            and order_revenue.period_month = subscription_revenue.period_month
)

select * from final
