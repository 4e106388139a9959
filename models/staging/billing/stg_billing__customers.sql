with
source as (
    select * from {{ raw_source('billing', 'customers') }}
),

renamed as (
    select distinct
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        {{ to_utc('created_at') }} as created_at,
        upper(cast(country as {{ dbt.type_string() }})) as country
    from source
),

final as (
    select * from renamed
)

select * from final
