{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify records no product reviews: the shop contract's own table is read as it is
-- (source shop_not_in_shopify), keyed by Shopify variant and customer ids.
select
    review_id,
    listing_id,
    order_id,
    buyer_id,
    rating,
    title,
    created_at
from {{ source('shop_not_in_shopify', 'product_reviews') }}
