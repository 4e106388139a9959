with
source as (
    select * from {{ source('ats', 'recruiting_costs') }}
),

renamed as (
    select distinct
        cast(cost_id as varchar) as recruiting_cost_id,
        cast(cost_date as date) as cost_date,
        lower(cast(cost_type as varchar)) as cost_type,
        lower(cast(category as varchar)) as cost_category,
        cast(amount as decimal(18, 2)) as amount
    from source
),

final as (
    select * from renamed
)

select * from final
