with
source as (
    select * from {{ source('hris', 'absences') }}
),

renamed as (
    select distinct
        cast(absence_id as {{ dbt.type_string() }}) as absence_id,
        cast(employee_id as {{ dbt.type_string() }}) as employee_id,
        lower(cast(absence_type as {{ dbt.type_string() }})) as absence_type,
        lower(cast(category as {{ dbt.type_string() }})) as absence_category,
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date,
        cast(coalesce(day_fraction, 1) as {{ type_double() }}) as day_fraction
    from source
),

final as (
    select
        *,
        absence_category = 'unplanned' as is_unplanned,
        start_date is not null
        and end_date >= start_date
        and day_fraction > 0
        and day_fraction <= 1 as is_valid
    from renamed
)

select * from final
