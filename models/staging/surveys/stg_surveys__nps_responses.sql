with
source as (
    select * from {{ source('surveys', 'nps_responses') }}
),

renamed as (
    select distinct
        cast(response_id as varchar) as nps_response_id,
        cast(customer_id as varchar) as customer_id,
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
