with
source as (
    select * from {{ source('ats', 'job_openings') }}
),

renamed as (
    select distinct
        cast(opening_id as {{ dbt.type_string() }}) as opening_id,
        cast(title as {{ dbt.type_string() }}) as title,
        lower(cast(department as {{ dbt.type_string() }})) as department,
        cast(opened_date as date) as opened_date,
        cast(filled_date as date) as filled_date,
        cast(closed_date as date) as closed_date
    from source
),

final as (
    select
        *,
        (filled_date is null or filled_date >= opened_date)
        and (closed_date is null or closed_date >= opened_date) as is_valid
    from renamed
)

select * from final
