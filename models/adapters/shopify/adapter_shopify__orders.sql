{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify orders -> raw contract shop.orders (test and deleted orders left out). Status from
-- cancelled_at, financial_status and fulfillment_status; traffic source from the landing URL's
-- utm_medium / utm_source (order_url_tag), else the referring site, else direct when the buyer
-- landed on the store without a referrer; shipping = the order's shipping lines.
{% set social_sources = [
    'facebook', 'fb', 'instagram', 'ig', 'meta', 'tiktok', 'linkedin', 'pinterest', 'twitter', 'x',
    'snapchat', 'reddit', 'youtube'
] %}
{% set search_engines = ['google.', 'bing.', 'duckduckgo.', 'yahoo.', 'baidu.', 'yandex.', 'ecosia.'] %}
with
orders as (
    select * from {{ source('shopify', 'order') }}
    where not coalesce(test, false) and not coalesce(_fivetran_deleted, false)
),

social_networks as (
    select social.utm_source
    from (
        values
        {%- for name in social_sources %}
            ('{{ name }}'){{ ',' if not loop.last }}
        {%- endfor %}
    ) as social (utm_source)
),

search_engines as (
    select engines.host_part
    from (
        values
        {%- for host_part in search_engines %}
            ('{{ host_part }}'){{ ',' if not loop.last }}
        {%- endfor %}
    ) as engines (host_part)
),

utm_tags as (
    select
        order_id,
        max(case when lower(key) = 'utm_medium' then lower(value) end) as utm_medium,
        max(case when lower(key) = 'utm_source' then lower(value) end) as utm_source
    from {{ source('shopify', 'order_url_tag') }}
    group by order_id
),

search_referred_orders as (
    select distinct orders.id as order_id
    from orders
    inner join search_engines
        on lower(orders.referring_site) like '%' || search_engines.host_part || '%'
),

shipping as (
    select
        order_id,
        sum(price) as shipping_amount
    from {{ source('shopify', 'order_shipping_line') }}
    group by order_id
),

final as (
    select
        cast(orders.id as {{ dbt.type_string() }}) as order_id,
        cast(orders.order_number as integer) as order_number,
        cast(orders.customer_id as {{ dbt.type_string() }}) as customer_id,
        {{ utc_timestamptz('coalesce(orders.processed_at, orders.created_at)') }} as placed_at,
        case
            when orders.cancelled_at is not null then 'cancelled'
            when lower(orders.financial_status) in ('refunded', 'partially_refunded')
                then lower(orders.financial_status)
            when lower(orders.fulfillment_status) = 'fulfilled' and orders.closed_at is not null then 'completed'
            when lower(orders.fulfillment_status) = 'fulfilled' then 'fulfilled'
            when lower(orders.financial_status) = 'paid' then 'paid'
            else 'pending'
        end as status,
        case
            when utm_tags.utm_medium in ('email', 'e-mail', 'newsletter') then 'email'
            when utm_tags.utm_medium in ('paid_social', 'paidsocial', 'paid-social', 'social_paid')
                then 'paid_social'
            when utm_tags.utm_medium in ('cpc', 'ppc', 'paid', 'paid_search', 'paidsearch', 'sem')
                then case when social_networks.utm_source is not null then 'paid_social' else 'paid_search' end
            when utm_tags.utm_medium in ('display', 'banner', 'cpm') then 'display'
            when utm_tags.utm_medium is not null then 'referral'
            when search_referred_orders.order_id is not null then 'organic_search'
            when nullif(trim(orders.referring_site), '') is not null then 'referral'
            when nullif(trim(orders.landing_site_base_url), '') is not null then 'direct'
        end as traffic_source,
        cast(orders.checkout_id as {{ dbt.type_string() }}) as cart_id,
        cast(coalesce(orders.total_discounts, 0) as decimal(18, 2)) as discount_amount,
        cast(coalesce(orders.total_tax, 0) as decimal(18, 2)) as tax_amount,
        cast(coalesce(shipping.shipping_amount, 0) as decimal(18, 2)) as shipping_amount,
        {{ utc_timestamptz('orders.cancelled_at') }} as cancelled_at
    from orders
    left join utm_tags
        on orders.id = utm_tags.order_id
    left join social_networks
        on utm_tags.utm_source = social_networks.utm_source
    left join search_referred_orders
        on orders.id = search_referred_orders.order_id
    left join shipping
        on orders.id = shipping.order_id
)

select * from final
