with
source as (
    select * from {{ raw_source('helpdesk', 'agents') }}
),

renamed as (
    select distinct
        cast(agent_id as {{ dbt.type_string() }}) as agent_id,
        cast(agent_name as {{ dbt.type_string() }}) as agent_name,
        cast(tier as integer) as tier,
        cast(active_from as date) as active_from_date,
        cast(active_to as date) as active_to_date,
        (active_to is null or active_to >= active_from) as is_valid
    from source
),

final as (
    select * from renamed
)

select * from final
