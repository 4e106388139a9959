{{ config(
    materialized=incremental_event_materialization(),
    incremental_strategy='delete+insert',
    unique_key='activity_date',
) }}
{% set window_start = incremental_window_start('activity_date') %}
-- One row per (user, UTC calendar day) with at least one product event: the daily activity
-- fact behind DAU/MAU (5) and the MAU of the viral coefficient (38).
-- Incremental (macros/incremental): re-derives the days inside the lookback window.
with
events as (
    select * from {{ ref('stg_product__events') }}
    where {{ in_incremental_window('occurred_at', window_start) }}
),

final as (
    select distinct
        user_id,
        cast(occurred_at as date) as activity_date
    from events
)

select * from final
