{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Helper: every checkout with its total. Shopify records a checkout in abandoned_checkout once
-- it is abandoned (kept with completed_at when later recovered); a checkout completed at once
-- exists only as order.checkout_id, and is added from its order (created at the order's time,
-- total = the order's lines).
with
recorded as (
    select
        id as checkout_id,
        customer_id,
        created_at,
        updated_at,
        total_line_items_price
    from {{ source('shopify', 'abandoned_checkout') }}
    where not coalesce(_fivetran_deleted, false)
),

order_line_totals as (
    select
        order_id,
        sum(price * quantity) as total_line_items_price
    from {{ source('shopify', 'order_line') }}
    group by order_id
),

completed_at_once as (
    select
        orders.checkout_id,
        orders.customer_id,
        orders.created_at,
        orders.created_at as updated_at,
        order_line_totals.total_line_items_price
    from {{ source('shopify', 'order') }} as orders
    left join order_line_totals
        on orders.id = order_line_totals.order_id
    left join recorded
        on orders.checkout_id = recorded.checkout_id
    where
        orders.checkout_id is not null
        and recorded.checkout_id is null
        and not coalesce(orders.test, false)
)

select * from recorded
union all
select * from completed_at_once
