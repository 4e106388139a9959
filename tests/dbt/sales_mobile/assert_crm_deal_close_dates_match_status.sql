-- CRM contract: a closed (won or lost) deal has a close date on or after its UTC creation day,
-- and an open deal has none. Returns the offending deals.
select
    deal_id,
    deal_status,
    created_date,
    closed_date
from {{ ref('stg_crm__deals') }}
where
    (is_closed and (closed_date is null or closed_date < created_date))
    or (not is_closed and closed_date is not null)
