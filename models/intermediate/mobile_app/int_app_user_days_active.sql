{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='activity_date',
) }}
{% set window_start = incremental_window_start('activity_date') %}
-- One row per app user and UTC calendar day with at least one session started that day,
-- flagging the user's first day (first app open). Reused for app MAU (61) and retention (63).
-- Every session start counts, valid length or not: the length check concerns the end time only.
-- Incremental (macros/incremental): re-derives the days inside the lookback window; a user's
-- first day before the window comes from the days already built.
with
sessions as (
    select * from {{ ref('stg_app__sessions') }}
    where {{ in_incremental_window('started_date', window_start) }}
),

first_days_before as (
    {% if window_start is not none %}
        select
            user_id,
            min(activity_date) as first_open_date
        from {{ this }}
        where not {{ in_incremental_window('activity_date', window_start) }}
        group by user_id
    {% else %}
        select
            user_id,
            started_date as first_open_date
        from sessions
        where false
    {% endif %}
),

user_days as (
    select
        user_id,
        started_date as activity_date,
        count(*) as sessions_started
    from sessions
    group by user_id, started_date
),

first_opened as (
    select
        user_days.user_id,
        user_days.activity_date,
        user_days.sessions_started,
        coalesce(
            first_days_before.first_open_date,
            min(user_days.activity_date) over (partition by user_days.user_id)
        ) as first_open_date
    from user_days
    left join first_days_before on user_days.user_id = first_days_before.user_id
),

final as (
    select
        user_id,
        activity_date,
        cast({{ dbt.date_trunc('month', 'activity_date') }} as date) as activity_month,
        sessions_started,
        first_open_date,
        activity_date = first_open_date as is_first_open_day
    from first_opened
)

select * from final
