-- One row per calendar month covered by the support domain's data (tickets, their comments and
-- status changes, calls, chats, surveys, help-center activity): the spine every support KPI
-- reports on, so months without tickets still get a row.
with
activity as (
    select created_at as activity_at from {{ ref('stg_helpdesk__tickets') }}
    union all
    select changed_at as activity_at from {{ ref('stg_helpdesk__ticket_status_events') }}
    union all
    select queued_at as activity_at from {{ ref('stg_helpdesk__calls') }}
    union all
    select started_at as activity_at from {{ ref('stg_helpdesk__chats') }}
    union all
    select responded_at as activity_at from {{ ref('stg_helpdesk__csat_responses') }}
    union all
    select responded_at as activity_at from {{ ref('stg_helpdesk__ces_responses') }}
    union all
    select viewed_at as activity_at from {{ ref('stg_helpcenter__article_views') }}
    union all
    select voted_at as activity_at from {{ ref('stg_helpcenter__article_votes') }}
    union all
    select searched_at as activity_at from {{ ref('stg_helpcenter__searches') }}
),

activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
