with
source as (
    select * from {{ raw_source('accounting', 'supplier_bills') }}
),

renamed as (
    select distinct
        cast(bill_id as {{ dbt.type_string() }}) as supplier_bill_id,
        cast(supplier_name as {{ dbt.type_string() }}) as supplier_name,
        lower(cast(category as {{ dbt.type_string() }})) as bill_category,
        cast(received_date as date) as received_date,
        cast(due_date as date) as due_date,
        cast(paid_date as date) as paid_date,
        cast(amount_excl_tax as decimal(18, 2)) as amount,
        cast(tax_amount as decimal(18, 2)) as tax_amount,
        cast(is_recurring as boolean) as is_recurring,
        (paid_date is null or paid_date >= received_date) as is_valid
    from source
),

final as (
    select * from renamed
)

select * from final
