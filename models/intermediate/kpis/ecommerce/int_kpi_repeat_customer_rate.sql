-- KPI 17: customers with at least two valid orders placed up to the end of the month /
-- customers with at least one (cumulative from the first order ever, including months
-- before the reported spine). Cancelled orders never count.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

customers as (
    select * from {{ ref('int_customers_first_valid_order') }}
),

-- How many customers reached their first and their second valid order in each month.
milestones as (
    select
        first_valid_order_month as milestone_month,
        1 as first_orders,
        0 as second_orders
    from customers
    union all
    select
        second_valid_order_month as milestone_month,
        0 as first_orders,
        1 as second_orders
    from customers
    where second_valid_order_month is not null
),

monthly_milestones as (
    select
        milestone_month,
        sum(first_orders) as first_orders,
        sum(second_orders) as second_orders
    from milestones
    group by milestone_month
),

cumulative as (
    select
        months.period_month,
        coalesce(sum(monthly_milestones.first_orders), 0) as ordering_customers,
        coalesce(sum(monthly_milestones.second_orders), 0) as repeat_customers
    from months
    left join monthly_milestones on months.period_month >= monthly_milestones.milestone_month
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(
            17, 'repeat_customer_rate',
            numerator='repeat_customers',
            denominator='ordering_customers',
        ) }}
    from cumulative
)

select * from final
