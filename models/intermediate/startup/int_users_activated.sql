-- One row per product user: sign-up, first activation event (var activation_event) and whether
-- it came within activation_window_days x 24 hours of the sign-up.
with
users as (
    select * from {{ ref('stg_product__users') }}
),

events as (
    select * from {{ ref('stg_product__events') }}
    where event_name = lower({{ string_var('activation_event') }})
),

first_activation as (
    select
        user_id,
        min(occurred_at) as activated_at
    from events
    group by user_id
),

final as (
    select
        users.user_id,
        users.signed_up_at,
        cast({{ dbt.date_trunc('month', 'users.signed_up_at') }} as date) as signup_month,
        first_activation.activated_at,
        coalesce(
            first_activation.activated_at
            <= {{ dbt.dateadd('day', var('activation_window_days'), 'users.signed_up_at') }},
            false
        ) as is_activated_in_window
    from users
    left join first_activation on users.user_id = first_activation.user_id
)

select * from final
