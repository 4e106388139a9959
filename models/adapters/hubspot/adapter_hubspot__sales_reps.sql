{{ config(enabled=adapter_enabled('crm', 'hubspot')) }}

-- HubSpot records owners, not the periods in which a rep carried a quota (nor rehires): the crm
-- contract's own table is read as it is (source crm_not_in_hubspot), keyed by the adapter's rep ids.
select
    rep_id,
    team,
    active_from,
    active_to
from {{ source('crm_not_in_hubspot', 'sales_reps') }}
