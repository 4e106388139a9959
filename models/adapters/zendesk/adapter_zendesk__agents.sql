{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk agents and admins -> raw contract helpdesk.agents: one period per Zendesk user, from
-- its creation to its deactivation (the last update of an inactive, suspended or deleted
-- agent), tier = the highest tier of the agent's groups (1 without groups).
with
agents as (
    select * from {{ ref('adapter_zendesk__users') }}
    where is_agent
),

group_tiers as (
    select * from {{ ref('adapter_zendesk__group_tiers') }}
),

agent_tiers as (
    select
        memberships.user_id,
        max(group_tiers.tier) as tier
    from {{ source('zendesk', 'group_member') }} as memberships
    inner join group_tiers on memberships.group_id = group_tiers.group_id
    group by memberships.user_id
),

final as (
    select
        agents.person_id as agent_id,
        agents.user_name as agent_name,
        coalesce(agent_tiers.tier, 1) as tier,
        cast(agents.created_at as date) as active_from,
        case when agents.is_deactivated then cast(agents.updated_at as date) end as active_to
    from agents
    left join agent_tiers on agents.user_id = agent_tiers.user_id
)

select * from final
