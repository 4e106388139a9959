with
source as (
    select * from {{ source('ledger', 'gl_accounts') }}
),

renamed as (
    select distinct
        cast(account_id as {{ dbt.type_string() }}) as gl_account_id,
        cast(account_name as {{ dbt.type_string() }}) as gl_account_name,
        lower(cast(account_type as {{ dbt.type_string() }})) as account_type,
        lower(cast(category as {{ dbt.type_string() }})) as account_category
    from source
),

final as (
    select * from renamed
)

select * from final
