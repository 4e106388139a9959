{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Raw contract shop.cart_items from checkout totals: Fivetran's abandoned_checkout carries no
-- lines, so each checkout with a positive line total gets one summary line (listing unknown,
-- quantity 1, price = the line total). KPI 19 reads only whether a cart holds items.
select
    cast(checkout_id as {{ dbt.type_string() }}) as cart_item_id,
    cast(checkout_id as {{ dbt.type_string() }}) as cart_id,
    cast(null as {{ dbt.type_string() }}) as listing_id,
    1 as quantity,
    cast(total_line_items_price as decimal(18, 2)) as price,
    {{ utc_timestamptz('created_at') }} as added_at
from {{ ref('adapter_shopify__checkouts') }}
where total_line_items_price > 0
