with
source as (
    select * from {{ source('hris', 'employees') }}
),

renamed as (
    select distinct
        cast(employment_id as varchar) as employment_id,
        cast(employee_id as varchar) as employee_id,
        lower(cast(gender as varchar)) as gender,
        lower(cast(department as varchar)) as department,
        upper(cast(job_level as varchar)) as job_level,
        lower(cast(employment_type as varchar)) as employment_type,
        cast(start_date as date) as start_date,
        cast(termination_date as date) as termination_date
    from source
),

final as (
    select
        *,
        start_date is not null
        and (termination_date is null or termination_date >= start_date) as is_valid
    from renamed
)

select * from final
