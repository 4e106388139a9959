-- KPI 7: order value of valid (not cancelled) orders placed in the month / their number.
-- Refunded orders are valid (the spec excludes only cancelled ones). NULL in a month without
-- valid orders.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

valid_orders as (
    select * from {{ ref('fct_orders') }}
    where is_valid
),

monthly as (
    select
        order_month as period_month,
        sum(order_value) as order_value_sum,
        count(*) as order_count
    from valid_orders
    group by order_month
),

final as (
    select
        {{ kpi_columns(
            7, 'average_order_value',
            numerator='coalesce(monthly.order_value_sum, 0)',
            denominator='coalesce(monthly.order_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
