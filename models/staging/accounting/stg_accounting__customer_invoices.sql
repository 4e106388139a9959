with
source as (
    select * from {{ raw_source('accounting', 'customer_invoices') }}
),

renamed as (
    select distinct
        cast(invoice_id as {{ dbt.type_string() }}) as customer_invoice_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(issued_date as date) as issued_date,
        cast(due_date as date) as due_date,
        cast(paid_date as date) as paid_date,
        cast(amount_excl_tax as decimal(18, 2)) as amount,
        cast(tax_amount as decimal(18, 2)) as tax_amount,
        (paid_date is null or paid_date >= issued_date) as is_valid
    from source
),

final as (
    select * from renamed
)

select * from final
