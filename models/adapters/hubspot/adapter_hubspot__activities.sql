{{ config(enabled=adapter_enabled('crm', 'hubspot')) }}

-- HubSpot call, email and meeting engagements -> raw contract crm.activities (deleted ones, notes,
-- tasks and emails received from or forwarded by the prospect left out). A meeting whose "call and
-- meeting type" is Demo is a demo. Status: a call that was dialled (completed, busy, no answer),
-- an email sent (also bounced) and a meeting held are completed; failed or cancelled ones are
-- cancelled; queued, sending, scheduled or rescheduled ones are scheduled. Engagements logged by
-- hand carry no status and count as completed. Lead and deal: the lowest associated contact / deal.
with
engagements as (
    select
        id as engagement_id,
        upper(type) as engagement_type
    from {{ source('hubspot', 'engagement') }}
    where upper(type) in ('CALL', 'EMAIL', 'MEETING')
),

calls as (
    select
        engagement_id,
        property_hubspot_owner_id as owner_id,
        property_hs_timestamp as occurred_at,
        'call' as activity_type,
        case
            when property_hs_call_status is null then 'completed'
            when upper(property_hs_call_status) in ('COMPLETED', 'BUSY', 'NO_ANSWER') then 'completed'
            when upper(property_hs_call_status) in ('FAILED', 'CANCELED') then 'cancelled'
            else 'scheduled'
        end as status
    from {{ source('hubspot', 'engagement_call') }}
    where not coalesce(_fivetran_deleted, false)
),

emails as (
    select
        engagement_id,
        property_hubspot_owner_id as owner_id,
        property_hs_timestamp as occurred_at,
        'email' as activity_type,
        case
            when property_hs_email_status is null then 'completed'
            when upper(property_hs_email_status) in ('SENT', 'BOUNCED') then 'completed'
            when upper(property_hs_email_status) = 'FAILED' then 'cancelled'
            else 'scheduled'
        end as status
    from {{ source('hubspot', 'engagement_email') }}
    where
        not coalesce(_fivetran_deleted, false)
        and upper(coalesce(property_hs_email_direction, 'EMAIL')) = 'EMAIL'
),

meetings as (
    select
        engagement_id,
        property_hubspot_owner_id as owner_id,
        property_hs_timestamp as occurred_at,
        case when lower(trim(property_hs_activity_type)) = 'demo' then 'demo' else 'meeting' end as activity_type,
        case
            when property_hs_meeting_outcome is null then 'completed'
            when upper(property_hs_meeting_outcome) = 'COMPLETED' then 'completed'
            when upper(property_hs_meeting_outcome) in ('CANCELED', 'NO_SHOW') then 'cancelled'
            else 'scheduled'
        end as status
    from {{ source('hubspot', 'engagement_meeting') }}
    where not coalesce(_fivetran_deleted, false)
),

engagement_details as (
    select * from calls
    union all
    select * from emails
    union all
    select * from meetings
),

typed_engagements as (
    select
        engagements.engagement_id,
        engagement_details.activity_type,
        engagement_details.owner_id,
        engagement_details.status,
        engagement_details.occurred_at
    from engagements
    inner join engagement_details
        on engagements.engagement_id = engagement_details.engagement_id
),

engagement_leads as (
    select
        engagement_id,
        min(contact_id) as contact_id
    from {{ source('hubspot', 'engagement_contact') }}
    group by engagement_id
),

engagement_deals as (
    select
        engagement_id,
        min(deal_id) as deal_id
    from {{ source('hubspot', 'engagement_deal') }}
    group by engagement_id
),

final as (
    select
        cast(typed_engagements.engagement_id as {{ dbt.type_string() }}) as activity_id,
        cast(typed_engagements.activity_type as {{ dbt.type_string() }}) as activity_type,
        {{ hubspot_rep_id('typed_engagements.owner_id') }} as owner_id,
        cast(engagement_leads.contact_id as {{ dbt.type_string() }}) as lead_id,
        cast(engagement_deals.deal_id as {{ dbt.type_string() }}) as deal_id,
        cast(typed_engagements.status as {{ dbt.type_string() }}) as status,
        case
            when typed_engagements.status = 'completed'
                then {{ utc_timestamptz('typed_engagements.occurred_at') }}
        end as completed_at
    from typed_engagements
    left join engagement_leads
        on typed_engagements.engagement_id = engagement_leads.engagement_id
    left join engagement_deals
        on typed_engagements.engagement_id = engagement_deals.engagement_id
)

select * from final
