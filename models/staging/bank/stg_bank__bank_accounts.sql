with
source as (
    select * from {{ source('bank', 'bank_accounts') }}
),

renamed as (
    select distinct
        cast(bank_account_id as {{ dbt.type_string() }}) as bank_account_id,
        cast(account_name as {{ dbt.type_string() }}) as bank_account_name,
        cast(opened_date as date) as opened_date,
        cast(opening_balance as decimal(18, 2)) as opening_balance
    from source
),

final as (
    select * from renamed
)

select * from final
