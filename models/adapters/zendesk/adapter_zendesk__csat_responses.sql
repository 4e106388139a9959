{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk satisfaction ratings (of tickets not deleted) -> raw contract helpdesk.csat_responses.
-- Zendesk asks good / bad, our contract wants 1-5: good -> 5, bad -> 1 (KPI 92 counts answers
-- rated 4 or 5, so its value is exact; any average of the 1-5 rating would not be). Offered
-- surveys are unanswered responses dated when offered; unoffered ones were never sent.
with
tickets as (
    select id from {{ source('zendesk', 'ticket') }}
    where not coalesce(_fivetran_deleted, false)
),

ratings as (
    select
        ratings.id,
        ratings.ticket_id,
        lower(ratings.score) as score,
        ratings.created_at,
        ratings.updated_at
    from {{ source('zendesk', 'satisfaction_rating') }} as ratings
    inner join tickets on ratings.ticket_id = tickets.id
),

final as (
    select
        cast(id as {{ dbt.type_string() }}) as response_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        case score when 'good' then 5 when 'bad' then 1 end as rating,
        {{ utc_timestamptz(
            "case when score = 'offered' then created_at else coalesce(updated_at, created_at) end"
        ) }} as responded_at
    from ratings
    where score != 'unoffered'
)

select * from final
