with
source as (
    select * from {{ source('hris', 'salaries') }}
),

renamed as (
    select distinct
        cast(salary_id as {{ dbt.type_string() }}) as salary_id,
        cast(employee_id as {{ dbt.type_string() }}) as employee_id,
        cast(effective_date as date) as effective_date,
        cast(annual_salary as decimal(18, 2)) as annual_salary
    from source
),

final as (
    select
        *,
        annual_salary is not null and annual_salary > 0 as is_valid
    from renamed
)

select * from final
