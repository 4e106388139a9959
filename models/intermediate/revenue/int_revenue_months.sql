-- One row per calendar month covered by the revenue sources (billing, product, ledger, bank,
-- accounting): the shared month spine of the startup, finance and SaaS KPIs.
with
activity as (
    select created_at as activity_at from {{ ref('stg_billing__customers') }}
    union all
    select started_at as activity_at from {{ ref('stg_billing__subscriptions') }}
    union all
    select signed_up_at as activity_at from {{ ref('stg_product__users') }}
    union all
    select occurred_at as activity_at from {{ ref('stg_product__events') }}
    union all
    select cast(posted_date as timestamp) as activity_at from {{ ref('stg_ledger__gl_postings') }}
    union all
    select cast(booked_date as timestamp) as activity_at from {{ ref('stg_bank__bank_transactions') }}
    union all
    select cast(received_date as timestamp) as activity_at from {{ ref('stg_accounting__supplier_bills') }}
    union all
    select cast(issued_date as timestamp) as activity_at from {{ ref('stg_accounting__customer_invoices') }}
),

activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
