{{ config(materialized='table') }}
-- One row per calendar month covered by the revenue sources (billing, product, ledger, bank,
-- accounting), end dates included (a cancellation effective on the 1st of the next month gets
-- that month, spec "Month spines"): the shared month spine of the startup, finance and SaaS KPIs.
{{ activity_month_spine([
    [ref('stg_billing__customers'), 'created_at'],
    [ref('stg_billing__subscriptions'), 'started_at'],
    [ref('stg_billing__subscriptions'), 'cancelled_at'],
    [ref('stg_billing__subscriptions'), 'ended_at'],
    [ref('stg_product__users'), 'signed_up_at'],
    [ref('stg_product__events'), 'occurred_at'],
    [ref('stg_ledger__gl_postings'), 'posted_date'],
    [ref('stg_bank__bank_transactions'), 'booked_date'],
    [ref('stg_accounting__supplier_bills'), 'received_date'],
    [ref('stg_accounting__customer_invoices'), 'issued_date'],
]) }}
