-- KPI 20: for customers whose first valid order is placed in M, the mean days from their
-- first web or app session to that order, and the mean number of their sessions started up
-- to and including the order's session (sessions started at or before the order).
-- Customers without any session before their first order are left out of both means.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

first_orders as (
    select * from {{ ref('int_customers_first_valid_order') }}
),

sessions as (
    select * from {{ ref('int_customer_sessions_stitched') }}
),

journeys as (
    select
        first_orders.customer_id,
        cast({{ dbt.date_trunc('month', 'first_orders.first_valid_order_at') }} as date) as period_month,
        {{ days_between('min(sessions.started_at)', 'first_orders.first_valid_order_at') }} as days_to_purchase,
        count(*) as sessions_to_purchase
    from first_orders
    inner join sessions
        on
            first_orders.customer_id = sessions.customer_id
            and first_orders.first_valid_order_at >= sessions.started_at
    group by first_orders.customer_id, first_orders.first_valid_order_at
),

monthly as (
    select
        months.period_month,
        count(journeys.customer_id) as buyers,
        coalesce({{ exact_sum('journeys.days_to_purchase') }}, 0) as total_days,
        coalesce(sum(journeys.sessions_to_purchase), 0) as total_sessions
    from months
    left join journeys on months.period_month = journeys.period_month
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(20, 'time_to_purchase', numerator='total_days', denominator='buyers') }}
    from monthly
    union all
    select
        {{ kpi_columns(20, 'time_to_purchase_sessions', numerator='total_sessions', denominator='buyers') }}
    from monthly
)

select * from final
