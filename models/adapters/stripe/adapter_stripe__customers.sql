{{ config(enabled=adapter_enabled('billing', 'stripe')) }}

-- Stripe customer -> raw contract billing.customers. Fivetran writes UTC timestamps without offset.
select
    cast(id as {{ dbt.type_string() }}) as customer_id,
    {{ utc_timestamptz('created') }} as created_at,
    cast(address_country as {{ dbt.type_string() }}) as country
from {{ source('stripe', 'customer') }}
