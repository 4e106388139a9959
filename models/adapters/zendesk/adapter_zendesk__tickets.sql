{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Zendesk tickets (deleted ones left out) -> raw contract helpdesk.tickets. Channel from
-- via_channel (var zendesk_channels overrides; unlisted channels are web). Topic = the
-- alphabetically first of the ticket's tags listed in var zendesk_topic_tags (any tag when the
-- list is empty). An agent who submitted a ticket for another requester created it (outbound).
{% set default_channels = {'email': 'email', 'voice': 'phone', 'chat': 'chat', 'native_messaging': 'chat'} %}
{% set channels = dict(default_channels, **(var('zendesk_channels', {}) or {})) %}
{% set topic_tags = var('zendesk_topic_tags', []) or [] %}
with
tickets as (
    select * from {{ source('zendesk', 'ticket') }}
    where not coalesce(_fivetran_deleted, false)
),

users as (
    select * from {{ ref('adapter_zendesk__users') }}
),

channel_map as (
    select
        via_channels.via_channel,
        via_channels.channel
    from (
        values
        {%- for via_channel, channel in channels.items() %}
            ({{ sql_string_literal(via_channel | lower) }}, {{ sql_string_literal(channel) }}){{ ',' if not loop.last }}
        {%- endfor %}
    ) as via_channels (via_channel, channel)
),

ticket_topics as (
    select
        ticket_id,
        min(lower(tag)) as topic
    from {{ source('zendesk', 'ticket_tag') }}
    {%- if topic_tags %}
        where lower(tag) in (
            {%- for tag in topic_tags %}
                {{ sql_string_literal(tag | lower) }}{{ ',' if not loop.last }}
            {%- endfor %}
        )
    {%- endif %}
    group by ticket_id
),

final as (
    select
        cast(tickets.id as {{ dbt.type_string() }}) as ticket_id,
        requesters.person_id as requester_id,
        coalesce(channel_map.channel, 'web') as channel,
        ticket_topics.topic,
        {{ utc_timestamptz('tickets.created_at') }} as created_at,
        case
            when submitters.is_agent and tickets.submitter_id != tickets.requester_id then 'agent'
            else 'customer'
        end as created_by_role,
        coalesce(submitters.person_id, requesters.person_id) as created_by_id
    from tickets
    left join users as requesters on tickets.requester_id = requesters.user_id
    left join users as submitters on tickets.submitter_id = submitters.user_id
    left join channel_map on lower(tickets.via_channel) = channel_map.via_channel
    left join ticket_topics on tickets.id = ticket_topics.ticket_id
)

select * from final
