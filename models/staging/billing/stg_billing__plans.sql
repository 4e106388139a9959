with
source as (
    select * from {{ raw_source('billing', 'plans') }}
),

renamed as (
    select distinct
        cast(plan_id as {{ dbt.type_string() }}) as plan_id,
        cast(plan_name as {{ dbt.type_string() }}) as plan_name,
        lower(cast(billing_interval as {{ dbt.type_string() }})) as billing_interval,
        cast(price as decimal(18, 2)) as price
    from source
),

final as (
    select * from renamed
)

select * from final
