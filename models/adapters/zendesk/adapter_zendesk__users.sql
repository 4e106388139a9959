{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Helper: every Zendesk user with the id the company's other systems know them by (external_id:
-- employee id of an agent, customer or product-user id of an end user; else the Zendesk id).
-- Deleted users stay: their comments and tickets keep an author.
with
users as (
    select * from {{ source('zendesk', 'user') }}
),

final as (
    select
        id as user_id,
        coalesce(nullif(trim(external_id), ''), cast(id as {{ dbt.type_string() }})) as person_id,
        cast(name as {{ dbt.type_string() }}) as user_name,
        lower(role) as user_role,
        lower(role) in ('agent', 'admin') as is_agent,
        created_at,
        updated_at,
        (
            not coalesce(active, true)
            or coalesce(suspended, false)
            or coalesce(_fivetran_deleted, false)
        ) as is_deactivated
    from users
)

select * from final
