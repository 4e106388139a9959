{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk Support has no customer-effort survey: the helpdesk contract's own table is read as
-- it is (source helpdesk_not_in_zendesk), keyed by Zendesk ticket ids.
select
    response_id,
    ticket_id,
    score,
    responded_at
from {{ source('helpdesk_not_in_zendesk', 'ces_responses') }}
