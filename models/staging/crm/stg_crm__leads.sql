with
source as (
    select * from {{ raw_source('crm', 'leads') }}
),

renamed as (
    select distinct
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('mql_at') }} as mql_at,
        {{ to_utc('sql_at') }} as sql_at,
        lower(cast(lead_source as {{ dbt.type_string() }})) as lead_source,
        cast(owner_id as {{ dbt.type_string() }}) as owner_rep_id,
        cast(converted_account_id as {{ dbt.type_string() }}) as converted_customer_id
    from source
),

final as (
    select * from renamed
)

select * from final
