{{ config(materialized='table') }}
-- One row per (customer, session): every web session of a visitor that was ever seen logged
-- in as the customer (so anonymous visits before sign-up are stitched to the customer), and
-- every app session of the customer's product users.
with
web_sessions as (
    select * from {{ ref('fct_web_sessions') }}
),

app_sessions as (
    select * from {{ ref('stg_app__sessions') }}
),

product_users as (
    select * from {{ ref('stg_product__users') }}
),

visitor_customers as (
    select distinct
        visitor_id,
        customer_id
    from web_sessions
    where customer_id is not null and visitor_id is not null
),

stitched_web as (
    select
        visitor_customers.customer_id,
        web_sessions.session_id,
        'web' as session_source,
        web_sessions.started_at,
        web_sessions.traffic_source
    from web_sessions
    inner join visitor_customers on web_sessions.visitor_id = visitor_customers.visitor_id
),

customer_app as (
    select
        product_users.account_id as customer_id,
        app_sessions.session_id,
        'app' as session_source,
        app_sessions.started_at,
        cast(null as {{ dbt.type_string() }}) as traffic_source
    from app_sessions
    inner join product_users on app_sessions.user_id = product_users.user_id
    where product_users.account_id is not null
),

final as (
    select * from stitched_web
    union all
    select * from customer_app
)

select * from final
