{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify checkouts (adapter_shopify__checkouts) -> raw contract shop.carts. Guest checkouts
-- have no buyer.
select
    cast(checkout_id as {{ dbt.type_string() }}) as cart_id,
    cast(customer_id as {{ dbt.type_string() }}) as buyer_id,
    {{ utc_timestamptz('created_at') }} as created_at,
    {{ utc_timestamptz('updated_at') }} as updated_at
from {{ ref('adapter_shopify__checkouts') }}
