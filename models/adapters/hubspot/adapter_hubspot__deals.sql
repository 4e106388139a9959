{{ config(enabled=adapter_enabled('crm', 'hubspot')) }}

-- HubSpot deals -> raw contract crm.deals (deleted deals left out). Stage from the deal's
-- pipeline stage: closed won when the stage is flagged closed_won, closed lost when its win
-- probability is 0, else open. The close date is kept only for closed deals (on an open deal
-- HubSpot's closedate is the forecast). Lead and account: the deal's first associated contact
-- and company (lowest id).
with
deals as (
    select * from {{ source('hubspot', 'deal') }}
    where not coalesce(is_deleted, false)
),

stages as (
    select
        stage_id,
        case
            when coalesce(closed_won, false) then 'closed_won'
            when probability = 0 then 'closed_lost'
            else 'open'
        end as stage_outcome
    from {{ source('hubspot', 'deal_pipeline_stage') }}
),

deal_leads as (
    select
        deal_id,
        min(contact_id) as contact_id
    from {{ source('hubspot', 'deal_contact') }}
    group by deal_id
),

deal_accounts as (
    select
        deal_id,
        min(company_id) as company_id
    from {{ source('hubspot', 'deal_company') }}
    group by deal_id
),

final as (
    select
        cast(deals.deal_id as {{ dbt.type_string() }}) as deal_id,
        cast(deal_leads.contact_id as {{ dbt.type_string() }}) as lead_id,
        cast(deal_accounts.company_id as {{ dbt.type_string() }}) as account_id,
        {{ hubspot_rep_id('deals.owner_id') }} as owner_id,
        {{ utc_timestamptz('deals.property_createdate') }} as created_at,
        case
            when stages.stage_outcome <> 'open' then cast(deals.property_closedate as date)
        end as close_date,
        cast(coalesce(stages.stage_outcome, 'open') as {{ dbt.type_string() }}) as stage,  -- noqa: RF04
        cast(
            coalesce(deals.property_amount_in_home_currency, deals.property_amount) as decimal(18, 2)
        ) as amount,
        cast(deals.property_hs_mrr as decimal(18, 2)) as mrr
    from deals
    left join stages
        on deals.deal_pipeline_stage_id = stages.stage_id
    left join deal_leads
        on deals.deal_id = deal_leads.deal_id
    left join deal_accounts
        on deals.deal_id = deal_accounts.deal_id
)

select * from final
