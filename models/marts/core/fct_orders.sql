{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='order_id',
) }}
{% set window_start = incremental_window_start('placed_at') %}
-- One row per shop order with its net order value (lines minus order discount, excluding
-- tax and shipping), validity (not cancelled) and attribution; the order fact every
-- ecommerce KPI and the cross-domain KPIs (CAC, time to purchase) reuse.
-- Incremental (macros/incremental): re-derives the orders placed inside the lookback window.
with
orders as (
    select * from {{ ref('stg_shop__orders') }}
    where {{ in_incremental_window('placed_at', window_start) }}
),

order_items as (
    select * from {{ ref('stg_shop__order_items') }}
    {% if window_start is not none %}
        where order_id in (select orders.order_id from orders)
    {% endif %}
),

-- valid orders of each customer already built before the window: numbering continues after them
valid_orders_before as (
    {% if window_start is not none %}
        select
            customer_id,
            count(*) as valid_order_count
        from {{ this }}
        where is_valid and not {{ in_incremental_window('placed_at', window_start) }}
        group by customer_id
    {% else %}
        select
            customer_id,
            0 as valid_order_count
        from orders
        where false
    {% endif %}
),

order_lines as (
    select
        order_id,
        sum(line_amount) as items_subtotal,
        cast(sum(quantity) as bigint) as item_quantity,
        count(*) as line_count
    from order_items
    group by order_id
),

joined as (
    select
        orders.order_id,
        orders.customer_id,
        orders.placed_at,
        cast({{ dbt.date_trunc('month', 'orders.placed_at') }} as date) as order_month,
        orders.status,
        not orders.is_cancelled as is_valid,
        cast(coalesce(order_lines.items_subtotal, 0) as decimal(18, 2)) as items_subtotal,
        cast(coalesce(order_lines.items_subtotal, 0) - orders.discount_amount as decimal(18, 2)) as order_value,
        orders.discount_amount,
        orders.tax_amount,
        orders.shipping_amount,
        orders.traffic_source,
        {{ is_paid_traffic_source('orders.traffic_source') }} as is_paid_traffic,
        orders.cart_id,
        coalesce(order_lines.line_count, 0) as line_count,
        coalesce(order_lines.item_quantity, 0) as item_quantity
    from orders
    left join order_lines on orders.order_id = order_lines.order_id
),

final as (
    select
        joined.*,
        case
            when joined.is_valid
                then coalesce(valid_orders_before.valid_order_count, 0) + row_number() over (
                    partition by joined.customer_id, joined.is_valid order by joined.placed_at, joined.order_id
                )
        end as valid_order_number
    from joined
    left join valid_orders_before on joined.customer_id = valid_orders_before.customer_id
)

select * from final
