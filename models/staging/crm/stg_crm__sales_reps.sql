with
source as (
    select * from {{ raw_source('crm', 'sales_reps') }}
),

renamed as (
    select distinct
        cast(rep_id as {{ dbt.type_string() }}) as rep_id,
        cast(team as {{ dbt.type_string() }}) as team_name,
        cast(active_from as date) as active_from_date,
        cast(active_to as date) as active_to_date
    from source
),

final as (
    select * from renamed
)

select * from final
