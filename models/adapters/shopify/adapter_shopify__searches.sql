{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify records no searches: the shop contract's own table is read as it is
-- (source shop_not_in_shopify), keyed by Shopify variant and customer ids.
select
    search_id,
    buyer_id,
    query,
    results_count,
    searched_at
from {{ source('shop_not_in_shopify', 'searches') }}
