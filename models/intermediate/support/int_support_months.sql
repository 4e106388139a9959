{{ config(materialized='table') }}
-- One row per calendar month covered by the support domain's data (tickets, their comments and
-- status changes, calls, chats, surveys, help-center activity): the spine every support KPI
-- reports on, so months without tickets still get a row. Status changes are read from the
-- classified table, which holds every one of them: the staging view would re-derive them here.
{{ activity_month_spine([
    [ref('stg_helpdesk__tickets'), 'created_at'],
    [ref('int_ticket_status_changes_classified'), 'changed_at'],
    [ref('stg_helpdesk__calls'), 'queued_at'],
    [ref('stg_helpdesk__calls'), 'ended_at'],
    [ref('stg_helpdesk__chats'), 'started_at'],
    [ref('stg_helpdesk__chats'), 'ended_at'],
    [ref('stg_helpdesk__csat_responses'), 'responded_at'],
    [ref('stg_helpdesk__ces_responses'), 'responded_at'],
    [ref('stg_helpcenter__article_views'), 'viewed_at'],
    [ref('stg_helpcenter__article_votes'), 'voted_at'],
    [ref('stg_helpcenter__searches'), 'searched_at'],
]) }}
