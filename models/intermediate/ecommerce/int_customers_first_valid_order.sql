-- One row per customer with at least one valid (not cancelled) shop order: their first and
-- second valid orders and their count. A buyer is new in the month of the first valid order
-- (KPI 10), a repeat customer from the second one on (KPI 17); CAC and time to purchase reuse it.
with
valid_orders as (
    select * from {{ ref('fct_orders') }}
    where is_valid
),

final as (
    select
        customer_id,
        min(case when valid_order_number = 1 then order_id end) as first_valid_order_id,
        min(case when valid_order_number = 1 then placed_at end) as first_valid_order_at,
        min(case when valid_order_number = 1 then order_month end) as first_valid_order_month,
        min(case when valid_order_number = 2 then placed_at end) as second_valid_order_at,
        min(case when valid_order_number = 2 then order_month end) as second_valid_order_month,
        count(*) as valid_order_count
    from valid_orders
    group by customer_id
)

select * from final
