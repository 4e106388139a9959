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

by_source as (
    select
        months.period_month,
        'traffic_source' as dimension,
        traffic_sources.traffic_source as dimension_value,
        coalesce(monthly_by_source.order_value, 0) as order_value
    from months
    cross join traffic_sources
    left join monthly_by_source
        on
            months.period_month = monthly_by_source.period_month
            and traffic_sources.traffic_source = monthly_by_source.traffic_source
),

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(monthly_by_source.order_value), 0) as order_value
    from months
    left join monthly_by_source on months.period_month = monthly_by_source.period_month
    group by months.period_month
),

revenue as (
    select
        revenue_rows.*,
        sum(case when revenue_rows.dimension = 'all' then revenue_rows.order_value end)
            over (partition by revenue_rows.period_month) as month_order_value
    from (
        select * from overall
        union all
        select * from by_source
    ) as revenue_rows
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
