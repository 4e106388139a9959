{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify checkouts (adapter_shopify__checkouts) -> raw contract shop.carts. Guest checkouts
-- have no buyer.
select
    cast(checkout_id as varchar) as cart_id,
    cast(customer_id as varchar) as buyer_id,
    timezone('UTC', cast(created_at as timestamp)) as created_at,
    timezone('UTC', cast(updated_at as timestamp)) as updated_at
from {{ ref('adapter_shopify__checkouts') }}
