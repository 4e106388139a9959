{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Product vendors -> raw contract shop.sellers: a multi-vendor Shopify store's vendor is its
-- seller; a store that leaves vendor empty is one seller, `shop`. A vendor registers with its
-- first product, drafts included (a vendor whose products are all unpublished drafts is a
-- registered seller without listings). Shopify has no vendor country.
with
products as (
    select
        coalesce(nullif(trim(vendor), ''), 'shop') as seller_id,
        created_at
    from {{ source('shopify', 'product') }}
),

final as (
    select
        cast(seller_id as {{ dbt.type_string() }}) as seller_id,
        cast(seller_id as {{ dbt.type_string() }}) as shop_name,
        {{ utc_timestamptz('min(created_at)') }} as registered_at,
        cast(null as {{ dbt.type_string() }}) as country
    from products
    group by seller_id
)

select * from final
