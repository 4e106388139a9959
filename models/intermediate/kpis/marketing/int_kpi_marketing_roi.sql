-- KPI 32: (order value of valid orders placed in M whose traffic source is a paid channel
-- - paid marketing spend in M) / paid marketing spend in M; NULL without paid spend. Paid
-- spend comes from the one monthly definition shared with CAC.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

acquisition_cost as (
    select * from {{ ref('int_customer_acquisition_cost_monthly') }}
),

paid_revenue as (
    select
        order_month as period_month,
        sum(order_value) as paid_order_value
    from orders
    where is_valid and is_paid_traffic
    group by order_month
),

monthly as (
    select
        months.period_month,
        coalesce(paid_revenue.paid_order_value, 0) as paid_order_value,
        coalesce(acquisition_cost.paid_spend, 0) as paid_spend
    from months
    left join paid_revenue on months.period_month = paid_revenue.period_month
    left join acquisition_cost on months.period_month = acquisition_cost.period_month
),

final as (
    select
        {{ kpi_columns(
            32, 'marketing_roi',
            numerator='paid_order_value - paid_spend',
            denominator='paid_spend',
        ) }}
    from monthly
)

select * from final
