{{ config(enabled=adapter_enabled('shop', 'shopify')) }}
{% set listed_at = 'greatest(products.published_at, coalesce(variants.created_at, products.published_at))' %}

-- Product variants -> raw contract shop.listings. A variant is listed from when its product was
-- published (or the variant was added to a published product) and delisted when the product is
-- archived or deleted (its updated_at). Variants of never-published products are no listings.
with
products as (
    select
        id as product_id,
        title as product_title,
        coalesce(nullif(trim(vendor), ''), 'shop') as seller_id,
        product_type,
        published_at,
        case
            when lower(status) = 'archived' or coalesce(_fivetran_deleted, false) then updated_at
        end as delisted_at
    from {{ source('shopify', 'product') }}
    where published_at is not null
),

final as (
    select
        cast(variants.id as {{ dbt.type_string() }}) as listing_id,
        cast(products.seller_id as {{ dbt.type_string() }}) as seller_id,
        cast(
            products.product_title
            || case
                when coalesce(variants.title, 'Default Title') != 'Default Title' then ' - ' || variants.title else ''
            end
            as {{ dbt.type_string() }}
        ) as title,
        cast(products.product_type as {{ dbt.type_string() }}) as category,
        cast(variants.price as decimal(18, 2)) as price,
        {{ utc_timestamptz(listed_at) }} as created_at,
        {{ utc_timestamptz('products.delisted_at') }} as delisted_at
    from {{ source('shopify', 'product_variant') }} as variants
    inner join products
        on variants.product_id = products.product_id
)

select * from final
