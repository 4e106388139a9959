with
source as (
    select * from {{ source('ats', 'applications') }}
),

renamed as (
    select distinct
        cast(application_id as {{ dbt.type_string() }}) as application_id,
        cast(candidate_id as {{ dbt.type_string() }}) as candidate_id,
        cast(opening_id as {{ dbt.type_string() }}) as opening_id,
        {{ to_utc('started_at') }} as started_at,
        {{ to_utc('submitted_at') }} as submitted_at,
        {{ to_utc('offer_accepted_at') }} as offer_accepted_at,
        lower(cast(status as {{ dbt.type_string() }})) as application_status,
        cast(hired_employee_id as {{ dbt.type_string() }}) as hired_employee_id
    from source
),

final as (
    select
        *,
        (submitted_at is null or submitted_at >= started_at)
        and (offer_accepted_at is null or offer_accepted_at >= started_at) as is_valid
    from renamed
)

select * from final
