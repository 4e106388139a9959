with
source as (
    select * from {{ source('product', 'events') }}
),

renamed as (
    select distinct
        cast(event_id as {{ dbt.type_string() }}) as event_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        lower(cast(event_name as {{ dbt.type_string() }})) as event_name,
        {{ to_utc('occurred_at') }} as occurred_at
    from source
),

final as (
    select * from renamed
)

select * from final
