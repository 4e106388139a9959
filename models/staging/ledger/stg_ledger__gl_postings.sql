with
source as (
    select * from {{ source('ledger', 'gl_postings') }}
),

renamed as (
    select distinct
        cast(posting_id as {{ dbt.type_string() }}) as gl_posting_id,
        cast(account_id as {{ dbt.type_string() }}) as gl_account_id,
        cast(posted_date as date) as posted_date,
        cast(amount as decimal(18, 2)) as amount,
        cast(description as {{ dbt.type_string() }}) as description
    from source
),

final as (
    select * from renamed
)

select * from final
