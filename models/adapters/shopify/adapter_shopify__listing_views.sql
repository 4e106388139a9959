{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify records no listing page views: the shop contract's own table is read as it is
-- (source shop_not_in_shopify), keyed by Shopify variant and customer ids.
select
    view_id,
    listing_id,
    buyer_id,
    viewed_at,
    device
from {{ source('shop_not_in_shopify', 'listing_views') }}
