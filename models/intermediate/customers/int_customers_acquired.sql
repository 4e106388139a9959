{{ config(materialized='table') }}
-- One row per customer who converted: the first valid shop order or the start of the first
-- paid subscription, whichever is earlier, and the channel that acquired the customer.
with
first_orders as (
    select * from {{ ref('int_customers_first_valid_order') }}
),

first_paid as (
    select * from {{ ref('int_customers_first_paid') }}
),

web_sessions as (
    select * from {{ ref('int_customer_sessions_stitched') }}
    where session_source = 'web'
),

conversions as (
    select
        coalesce(first_orders.customer_id, first_paid.customer_id) as customer_id,
        first_orders.first_valid_order_at,
        first_paid.first_paid_at,
        case
            when first_paid.first_paid_at is null then first_orders.first_valid_order_at
            when first_orders.first_valid_order_at is null then first_paid.first_paid_at
            when first_orders.first_valid_order_at <= first_paid.first_paid_at
                then first_orders.first_valid_order_at
            else first_paid.first_paid_at
        end as acquired_at
    from first_orders
    full outer join first_paid on first_orders.customer_id = first_paid.customer_id
),

touches_before_acquisition as (
    select
        conversions.customer_id,
        web_sessions.traffic_source,
        row_number() over (
            partition by conversions.customer_id
            order by web_sessions.started_at, web_sessions.session_id
        ) as touch_number
    from conversions
    inner join web_sessions
        on
            conversions.customer_id = web_sessions.customer_id
            and conversions.acquired_at >= web_sessions.started_at
),

final as (
    select
        conversions.customer_id,
        conversions.first_valid_order_at,
        conversions.first_paid_at,
        conversions.acquired_at,
        cast({{ dbt.date_trunc('month', 'conversions.acquired_at') }} as date) as acquisition_month,
        case
            when conversions.first_valid_order_at = conversions.acquired_at then 'order'
            else 'subscription'
        end as acquired_through,
        coalesce(first_touch.traffic_source, 'unattributed') as acquisition_channel,
        coalesce({{ is_paid_traffic_source('first_touch.traffic_source') }}, false) as is_paid_acquisition
    from conversions
    left join touches_before_acquisition as first_touch
        on
            conversions.customer_id = first_touch.customer_id
            and first_touch.touch_number = 1
)

select * from final
