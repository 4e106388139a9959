{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk Support records no phone calls (Zendesk Talk is a separate product and connector):
-- the helpdesk contract's own table is read as it is (source helpdesk_not_in_zendesk).
select
    call_id,
    direction,
    caller_id,
    agent_id,
    queued_at,
    answered_at,
    ended_at,
    talk_seconds,
    hold_seconds,
    wrap_seconds,
    abandoned
from {{ source('helpdesk_not_in_zendesk', 'calls') }}
