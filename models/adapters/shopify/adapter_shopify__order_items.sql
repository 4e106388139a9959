{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify order lines -> raw contract shop.order_items; the listing is the variant (empty for a
-- custom item). Lines of test or deleted orders are left out with their orders.
select
    cast(lines.id as varchar) as order_item_id,
    cast(lines.order_id as varchar) as order_id,
    cast(lines.variant_id as varchar) as listing_id,
    cast(lines.price as decimal(18, 2)) as unit_price,
    cast(lines.quantity as integer) as quantity
from {{ source('shopify', 'order_line') }} as lines
inner join {{ source('shopify', 'order') }} as orders
    on lines.order_id = orders.id
where not coalesce(orders.test, false) and not coalesce(orders._fivetran_deleted, false)
