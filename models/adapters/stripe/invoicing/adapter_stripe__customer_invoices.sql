{{ config(enabled=adapter_enabled('accounting', 'stripe')) }}

-- Stripe invoice -> raw contract accounting.customer_invoices. Only issued invoices count:
-- drafts are not sent yet, void ones were never owed, deleted ones are gone. An invoice charged
-- automatically has no due date: it is due when issued. Fivetran writes UTC timestamps.
with
invoices as (
    select * from {{ source('stripe_invoicing', 'invoice') }}
    where
        status in ('open', 'paid', 'uncollectible')
        and not coalesce(is_deleted, false)
),

final as (
    select
        cast(id as {{ dbt.type_string() }}) as invoice_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(coalesce(status_transitions_finalized_at, created) as date) as issued_date,
        cast(coalesce(due_date, status_transitions_finalized_at, created) as date) as due_date,
        cast(status_transitions_paid_at as date) as paid_date,
        cast((total - coalesce(tax, 0)) / 100.0 as decimal(18, 2)) as amount_excl_tax,
        cast(coalesce(tax, 0) / 100.0 as decimal(18, 2)) as tax_amount
    from invoices
)

select * from final
