{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk ticket comments (of tickets not deleted) -> raw contract helpdesk.ticket_comments.
-- Author role from the author's Zendesk role: agent or admin -> agent, end user -> customer,
-- an author who is no user (Zendesk's system user, automations) -> system.
with
tickets as (
    select id from {{ source('zendesk', 'ticket') }}
    where not coalesce(_fivetran_deleted, false)
),

users as (
    select * from {{ ref('adapter_zendesk__users') }}
),

final as (
    select
        cast(ticket_comments.id as {{ dbt.type_string() }}) as comment_id,
        cast(ticket_comments.ticket_id as {{ dbt.type_string() }}) as ticket_id,
        case
            when users.user_id is null then 'system'
            when users.is_agent then 'agent'
            else 'customer'
        end as author_role,
        users.person_id as author_id,
        ticket_comments.public as is_public,
        {{ utc_timestamptz('ticket_comments.created') }} as created_at
    from {{ source('zendesk', 'ticket_comment') }} as ticket_comments
    inner join tickets on ticket_comments.ticket_id = tickets.id
    left join users on ticket_comments.user_id = users.user_id
)

select * from final
