with
source as (
    select * from {{ raw_source('crm', 'activities') }}
),

renamed as (
    select distinct
        cast(activity_id as {{ dbt.type_string() }}) as activity_id,
        lower(cast(activity_type as {{ dbt.type_string() }})) as activity_type,
        cast(owner_id as {{ dbt.type_string() }}) as rep_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        cast(deal_id as {{ dbt.type_string() }}) as deal_id,
        lower(cast(status as {{ dbt.type_string() }})) as activity_status,
        {{ to_utc('completed_at') }} as completed_at
    from source
),

flagged as (
    select
        *,
        coalesce(activity_status = 'completed' and completed_at is not null, false) as is_completed
    from renamed
),

final as (
    select * from flagged
)

select * from final
