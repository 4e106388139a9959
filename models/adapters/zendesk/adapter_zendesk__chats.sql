{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk Support records no live chats (Zendesk Chat is a separate product and connector):
-- the helpdesk contract's own table is read as it is (source helpdesk_not_in_zendesk).
select
    chat_id,
    requester_id,
    agent_id,
    started_at,
    ended_at
from {{ source('helpdesk_not_in_zendesk', 'chats') }}
