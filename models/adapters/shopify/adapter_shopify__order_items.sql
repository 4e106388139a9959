{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify order lines -> raw contract shop.order_items; the listing is the variant (empty for a
-- custom item). Lines of test or deleted orders leave with their orders (adapter_shopify__orders).
select
    cast(order_lines.id as {{ dbt.type_string() }}) as order_item_id,
    cast(order_lines.order_id as {{ dbt.type_string() }}) as order_id,
    cast(order_lines.variant_id as {{ dbt.type_string() }}) as listing_id,
    cast(order_lines.price as decimal(18, 2)) as unit_price,
    cast(order_lines.quantity as integer) as quantity
from {{ source('shopify', 'order_line') }} as order_lines
inner join {{ ref('adapter_shopify__orders') }} as orders
    on cast(order_lines.order_id as {{ dbt.type_string() }}) = orders.order_id
