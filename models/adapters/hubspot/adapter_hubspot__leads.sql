{{ config(enabled=adapter_enabled('crm', 'hubspot')) }}

-- HubSpot contacts -> raw contract crm.leads (deleted and merged-away contacts left out). MQL and
-- SQL times are the dates HubSpot stamps when the contact enters those lifecycle stages; lead
-- source from the contact's original source (var hubspot_lead_sources overrides the mapping).
{% set default_lead_sources = {
    'REFERRALS': 'referral', 'OFFLINE': 'outbound',
    'ORGANIC_SEARCH': 'inbound', 'PAID_SEARCH': 'inbound', 'EMAIL_MARKETING': 'inbound',
    'SOCIAL_MEDIA': 'inbound', 'PAID_SOCIAL': 'inbound', 'OTHER_CAMPAIGNS': 'inbound',
    'DIRECT_TRAFFIC': 'inbound', 'AI_REFERRALS': 'inbound'
} %}
{% set lead_sources = dict(default_lead_sources, **(var('hubspot_lead_sources', {}) or {})) %}
with
lead_source_map as (
    select
        sources.analytics_source,
        sources.lead_source
    from (
        values
        {%- for analytics_source, lead_source in lead_sources.items() %}
            ('{{ analytics_source | upper }}', '{{ lead_source }}'){{ ',' if not loop.last }}
        {%- endfor %}
    ) as sources (analytics_source, lead_source)
),

contacts as (
    select * from {{ source('hubspot', 'contact') }}
    where not coalesce(_fivetran_deleted, false)
),

final as (
    select
        cast(contacts.id as {{ dbt.type_string() }}) as lead_id,
        {{ utc_timestamptz('contacts.property_createdate') }} as created_at,
        {{ utc_timestamptz('contacts.property_hs_lifecyclestage_marketingqualifiedlead_date') }} as mql_at,
        {{ utc_timestamptz('contacts.property_hs_lifecyclestage_salesqualifiedlead_date') }} as sql_at,
        cast(lead_source_map.lead_source as {{ dbt.type_string() }}) as lead_source,
        {{ hubspot_rep_id('contacts.property_hubspot_owner_id') }} as owner_id,
        cast(
            case
                when lower(contacts.property_lifecyclestage) = 'customer'
                    then contacts.property_associatedcompanyid
            end as {{ dbt.type_string() }}
        ) as converted_account_id
    from contacts
    left join lead_source_map
        on upper(contacts.property_hs_analytics_source) = lead_source_map.analytics_source
)

select * from final
