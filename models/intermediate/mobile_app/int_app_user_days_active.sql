{{ config(materialized='table') }}
-- One row per app user and UTC calendar day with at least one session started that day,
-- flagging the user's first day (first app open). Reused for app MAU (61) and retention (63).
-- Every session start counts, valid length or not: the length check concerns the end time only.
with
sessions as (
    select * from {{ ref('stg_app__sessions') }}
),

user_days as (
    select
        user_id,
        started_date as activity_date,
        count(*) as sessions_started
    from sessions
    group by user_id, started_date
),

final as (
    select
        user_id,
        activity_date,
        cast({{ dbt.date_trunc('month', 'activity_date') }} as date) as activity_month,
        sessions_started,
        min(activity_date) over (partition by user_id) as first_open_date,
        activity_date = min(activity_date) over (partition by user_id) as is_first_open_day
    from user_days
)

select * from final
