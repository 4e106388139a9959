{{ config(materialized='table') }}
-- One row per calendar month covered by the shop's activity (orders, listings, views,
-- searches, carts, reviews): the month spine every ecommerce KPI reports on, so months
-- without activity still get a row. Registrations alone do not extend it.
{{ activity_month_spine([
    [ref('stg_shop__orders'), 'placed_at'],
    [ref('stg_shop__orders'), 'cancelled_at'],
    [ref('stg_shop__listings'), 'created_at'],
    [ref('stg_shop__listing_views'), 'viewed_at'],
    [ref('stg_shop__searches'), 'searched_at'],
    [ref('stg_shop__carts'), 'created_at'],
    [ref('stg_shop__product_reviews'), 'created_at'],
]) }}
