{{ config(enabled=adapter_enabled('accounting', 'stripe')) }}

-- Stripe records no supplier bills: the accounting contract's own table is read as it is
-- (source accounting_not_in_stripe).
select
    bill_id,
    supplier_name,
    category,
    received_date,
    due_date,
    paid_date,
    amount_excl_tax,
    tax_amount,
    is_recurring
from {{ source('accounting_not_in_stripe', 'supplier_bills') }}
