{{ config(enabled=adapter_enabled('shop', 'shopify')) }}

-- Shopify customers -> raw contract shop.buyers. The buyer id is the Shopify customer id; the
-- country is the billing country of the customer's latest order (Shopify keeps addresses apart).
with
ranked_orders as (
    select
        customer_id,
        billing_address_country_code as country,
        row_number() over (partition by customer_id order by created_at desc, id desc) as recency_rank
    from {{ source('shopify', 'order') }}
    where customer_id is not null
),

latest_order_countries as (
    select
        customer_id,
        country
    from ranked_orders
    where recency_rank = 1
),

final as (
    select
        cast(customers.id as {{ dbt.type_string() }}) as buyer_id,
        {{ utc_timestamptz('customers.created_at') }} as registered_at,
        cast(latest_order_countries.country as {{ dbt.type_string() }}) as country,
        case
            when customers.email_marketing_consent_state is not null
                then lower(customers.email_marketing_consent_state) = 'subscribed'
            else cast(customers.accepts_marketing as boolean)
        end as accepts_marketing
    from {{ source('shopify', 'customer') }} as customers
    left join latest_order_countries
        on customers.id = latest_order_countries.customer_id
)

select * from final
