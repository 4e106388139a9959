with
source as (
    select * from {{ raw_source('helpdesk', 'csat_responses') }}
),

renamed as (
    select distinct
        cast(response_id as {{ dbt.type_string() }}) as csat_response_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        cast(rating as integer) as rating,
        {{ to_utc('responded_at') }} as responded_at
    from source
),

final as (
    select
        *,
        rating is not null as is_answered,
        coalesce(rating >= 4, false) as is_satisfied
    from renamed
)

select * from final
