{{ config(materialized='table') }}
-- One row per lead with its funnel milestones: the first completed sales activity on the
-- lead (KPI 55), MQL and SQL months (56, 57, 59) and the earliest won deal opened from it (59).
with
leads as (
    select * from {{ ref('stg_crm__leads') }}
),

activities as (
    select * from {{ ref('stg_crm__activities') }}
),

deals as (
    select * from {{ ref('stg_crm__deals') }}
),

first_activities as (
    select
        activities.lead_id,
        min(activities.completed_at) as first_activity_at
    from activities
    inner join leads
        on
            activities.lead_id = leads.lead_id
            and activities.completed_at >= leads.created_at
    where activities.is_completed
    group by activities.lead_id
),

first_wins as (
    select
        lead_id,
        min(closed_date) as first_won_date
    from deals
    where is_won and lead_id is not null
    group by lead_id
),

final as (
    select
        leads.lead_id,
        leads.lead_source,
        leads.owner_rep_id,
        leads.created_at,
        cast({{ dbt.date_trunc('month', 'leads.created_at') }} as date) as created_month,
        first_activities.first_activity_at,
        first_activities.first_activity_at is not null as is_contacted,
        {{ hours_between('leads.created_at', 'first_activities.first_activity_at') }} as response_hours,
        leads.mql_at,
        cast({{ dbt.date_trunc('month', 'leads.mql_at') }} as date) as mql_month,
        leads.sql_at,
        cast({{ dbt.date_trunc('month', 'leads.sql_at') }} as date) as sql_month,
        coalesce(
            leads.sql_at <= {{ dbt.dateadd('day', var('sql_window_days'), 'leads.mql_at') }},
            false
        ) as is_sql_within_window,
        first_wins.first_won_date,
        coalesce(
            {{ dbt.datediff('cast(leads.sql_at as date)', 'first_wins.first_won_date', 'day') }}
            <= {{ var('win_window_days') }},
            false
        ) as is_won_within_window
    from leads
    left join first_activities on leads.lead_id = first_activities.lead_id
    left join first_wins on leads.lead_id = first_wins.lead_id
)

select * from final
