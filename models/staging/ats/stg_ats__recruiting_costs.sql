with
source as (
    select * from {{ source('ats', 'recruiting_costs') }}
),

renamed as (
    select distinct
        cast(cost_id as {{ dbt.type_string() }}) as recruiting_cost_id,
        cast(cost_date as date) as cost_date,
        lower(cast(cost_type as {{ dbt.type_string() }})) as cost_type,
        lower(cast(category as {{ dbt.type_string() }})) as cost_category,
        cast(amount as decimal(18, 2)) as amount
    from source
),

final as (
    select * from renamed
)

select * from final
