{{ config(enabled=adapter_enabled('crm', 'hubspot')) }}

-- HubSpot has no per-rep monthly MRR quota or pipeline target (its goals are not in the Fivetran
-- connector): the crm contract's own table is read as it is (source crm_not_in_hubspot).
select
    target_month,
    rep_id,
    mrr_quota,
    pipeline_target_count
from {{ source('crm_not_in_hubspot', 'sales_targets') }}
