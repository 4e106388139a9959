with
source as (
    select * from {{ source('surveys', 'nps_responses') }}
),

renamed as (
    select distinct
        cast(response_id as {{ dbt.type_string() }}) as nps_response_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(score as integer) as score,
        {{ to_utc('responded_at') }} as responded_at
    from source
),

final as (
    select
        *,
        score is not null as is_valid
    from renamed
)

select * from final
