with
source as (
    select * from {{ source('hris', 'training_spend') }}
),

renamed as (
    select distinct
        cast(training_spend_id as {{ dbt.type_string() }}) as training_spend_id,
        cast(spend_date as date) as spend_date,
        cast(amount as decimal(18, 2)) as amount,
        cast(employee_id as {{ dbt.type_string() }}) as employee_id,
        cast(course_name as {{ dbt.type_string() }}) as course_name
    from source
),

final as (
    select * from renamed
)

select * from final
