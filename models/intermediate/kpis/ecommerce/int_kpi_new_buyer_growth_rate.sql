-- KPI 10: new buyers (first valid order placed in the month; a customer whose first order
-- was cancelled is new when the first valid one is placed) and their month-on-month growth
-- rate, NULL in the first month and after a month with no new buyers.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

first_orders as (
    select * from {{ ref('int_customers_first_valid_order') }}
),

monthly as (
    select
        months.period_month,
        count(first_orders.customer_id) as new_buyers
    from months
    left join first_orders on months.period_month = first_orders.first_valid_order_month
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(
            10, 'new_buyer_growth_rate',
            numerator=growth_numerator('new_buyers'),
            denominator=growth_denominator('new_buyers'),
        ) }}
    from monthly
    union all
    select
        {{ kpi_columns(10, 'new_buyers', value='new_buyers') }}
    from monthly
)

select * from final
