{{ config(materialized='table') }}
-- One row per (user, UTC calendar day) with at least one product event: the daily activity
-- fact behind DAU/MAU (5) and the MAU of the viral coefficient (38).
with
events as (
    select * from {{ ref('stg_product__events') }}
),

final as (
    select distinct
        user_id,
        cast(occurred_at as date) as activity_date
    from events
)

select * from final
