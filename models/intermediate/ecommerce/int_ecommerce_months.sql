-- One row per calendar month covered by the shop's activity (orders, listings, views,
-- searches, carts, reviews): the month spine every ecommerce KPI reports on, so months
-- without activity still get a row. Registrations alone do not extend it.
with
activity_bounds as (
    select
        min(activity_at) as first_activity_at,
        max(activity_at) as last_activity_at
    from (
        select placed_at as activity_at from {{ ref('stg_shop__orders') }}
        union all
        select created_at as activity_at from {{ ref('stg_shop__listings') }}
        union all
        select viewed_at as activity_at from {{ ref('stg_shop__listing_views') }}
        union all
        select searched_at as activity_at from {{ ref('stg_shop__searches') }}
        union all
        select created_at as activity_at from {{ ref('stg_shop__carts') }}
        union all
        select created_at as activity_at from {{ ref('stg_shop__product_reviews') }}
    ) as activity
),

final as (
    {{ month_spine(
        '(select first_activity_at from activity_bounds)',
        '(select last_activity_at from activity_bounds)'
    ) }}
)

select * from final
