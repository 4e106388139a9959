with
source as (
    select * from {{ raw_source('helpdesk', 'ces_responses') }}
),

renamed as (
    select distinct
        cast(response_id as {{ dbt.type_string() }}) as ces_response_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        cast(score as integer) as score,
        {{ to_utc('responded_at') }} as responded_at
    from source
),

final as (
    select
        *,
        score is not null as is_answered
    from renamed
)

select * from final
