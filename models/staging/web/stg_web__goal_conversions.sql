with
source as (
    select * from {{ source('web', 'goal_conversions') }}
),

renamed as (
    select distinct
        cast(conversion_id as {{ dbt.type_string() }}) as conversion_id,
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        lower(cast(goal_name as {{ dbt.type_string() }})) as goal_name,
        {{ to_utc('converted_at') }} as converted_at
    from source
),

final as (
    select * from renamed
)

select * from final
