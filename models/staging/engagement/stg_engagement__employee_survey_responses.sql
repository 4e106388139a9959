with
source as (
    select * from {{ source('engagement', 'employee_survey_responses') }}
),

renamed as (
    select distinct
        cast(response_id as {{ dbt.type_string() }}) as survey_response_id,
        cast(survey_id as {{ dbt.type_string() }}) as survey_id,
        cast(employee_id as {{ dbt.type_string() }}) as employee_id,
        {{ to_utc('responded_at') }} as responded_at,
        cast(score as integer) as score
    from source
),

final as (
    select
        *,
        score is not null and score between 0 and 10 as is_valid
    from renamed
)

select * from final
