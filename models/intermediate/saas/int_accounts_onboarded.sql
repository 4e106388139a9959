-- One row per billing account: its creation and whether its users completed every required
-- onboarding step (seed onboarding_steps) within onboarding_window_days x 24 hours of it.
-- A step counts whichever of the account's users performs it.
with
accounts as (
    select * from {{ ref('stg_billing__customers') }}
),

users as (
    select * from {{ ref('stg_product__users') }}
    where account_id is not null
),

events as (
    select * from {{ ref('stg_product__events') }}
),

required_steps as (
    select lower(step_event_name) as step_event_name from {{ ref('onboarding_steps') }}
    where is_required
),

steps_done as (
    select
        accounts.customer_id,
        count(distinct events.event_name) as required_steps_done
    from accounts
    inner join users on accounts.customer_id = users.account_id
    inner join events on users.user_id = events.user_id
    inner join required_steps on events.event_name = required_steps.step_event_name
    where events.occurred_at <= {{ dbt.dateadd('day', var('onboarding_window_days'), 'accounts.created_at') }}
    group by accounts.customer_id
),

final as (
    select
        accounts.customer_id,
        accounts.created_at,
        cast({{ dbt.date_trunc('month', 'accounts.created_at') }} as date) as created_month,
        coalesce(steps_done.required_steps_done, 0) as required_steps_done,
        coalesce(steps_done.required_steps_done, 0) = (select count(*) from required_steps)
        and (select count(*) from required_steps) > 0 as is_onboarded_in_window
    from accounts
    left join steps_done on accounts.customer_id = steps_done.customer_id
)

select * from final
