with
source as (
    select * from {{ source('bank', 'bank_transactions') }}
),

renamed as (
    select distinct
        cast(transaction_id as {{ dbt.type_string() }}) as bank_transaction_id,
        cast(bank_account_id as {{ dbt.type_string() }}) as bank_account_id,
        cast(booked_date as date) as booked_date,
        cast(amount as decimal(18, 2)) as amount,
        cast(counterparty_name as {{ dbt.type_string() }}) as counterparty_name,
        cast(counterparty_bank_account_id as {{ dbt.type_string() }}) as counterparty_bank_account_id,
        cast(description as {{ dbt.type_string() }}) as description
    from source
),

final as (
    select * from renamed
)

select * from final
