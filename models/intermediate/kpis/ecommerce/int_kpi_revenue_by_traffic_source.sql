-- KPI 18: order value of valid orders placed in the month, overall and per traffic source
-- (every source seen on any order gets a row every month, 0 when it brought no valid order;
-- a missing source is 'unknown'), and each source's share of the month's total (the shares of
-- a month sum to 1; the 'all' row is 1; NULL when the month has no order value).
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

traffic_sources as (
    select distinct traffic_source from orders
),

monthly_by_source as (
    select
        order_month as period_month,
        traffic_source,
        sum(order_value) as order_value
    from orders
    where is_valid
    group by order_month, traffic_source
),

revenue_rows as (
    {{ breakdown_with_total(
        'months', 'traffic_sources', 'monthly_by_source', 'traffic_source', 'traffic_source',
        ['order_value']
    ) }}
),

revenue as (
    select
        revenue_rows.*,
        sum(case when revenue_rows.dimension = 'all' then revenue_rows.order_value end)
            over (partition by revenue_rows.period_month) as month_order_value
    from revenue_rows
),

final as (
    select
        {{ kpi_columns(
            18, 'revenue_by_traffic_source',
            value='order_value',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from revenue
    union all
    select
        {{ kpi_columns(
            18, 'revenue_share_by_traffic_source',
            numerator='order_value',
            denominator='month_order_value',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from revenue
)

select * from final
