-- KPI 16: valid orders placed in the month / distinct customers with a valid order placed in
-- it. NULL in a month without valid orders.
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
        count(*) as order_count,
        count(distinct customer_id) as customer_count
    from valid_orders
    group by order_month
),

final as (
    select
        {{ kpi_columns(
            16, 'purchase_frequency',
            numerator='coalesce(monthly.order_count, 0)',
            denominator='coalesce(monthly.customer_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
