{{ config(enabled=adapter_enabled('billing', 'stripe')) }}

-- Stripe subscriptions (current version from Fivetran's history table) x their items -> raw
-- contract billing.subscriptions, one row per item. A subscription with several items (e.g. a
-- base plan and an add-on) becomes one contract row per item, id `<subscription>/<item>`;
-- the plan is the item's price after a lasting discount (adapter_stripe__item_prices).
with
current_subscriptions as (
    select *
    from {{ source('stripe', 'subscription_history') }}
    where _fivetran_active
),

items as (
    select * from {{ ref('adapter_stripe__item_prices') }}
),

final as (
    select
        case
            when items.items_in_subscription > 1
                then
                    cast(subscriptions.id as {{ dbt.type_string() }})
                    || '/' || cast(items.item_id as {{ dbt.type_string() }})
            else cast(subscriptions.id as {{ dbt.type_string() }})
        end as subscription_id,
        cast(subscriptions.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(items.plan_id as {{ dbt.type_string() }}) as plan_id,
        cast(items.quantity as integer) as quantity,
        -- Stripe statuses outside our contract: unpaid is still owed (past_due); an
        -- incomplete_expired subscription never started paying (canceled). Others pass
        -- through so the staging tests flag them.
        case lower(subscriptions.status)
            when 'unpaid' then 'past_due'
            when 'incomplete_expired' then 'canceled'
            else lower(subscriptions.status)
        end as status,
        {{ utc_timestamptz('coalesce(subscriptions.start_date, subscriptions.created)') }} as started_at,
        {{ utc_timestamptz('subscriptions.trial_start') }} as trial_start_at,
        {{ utc_timestamptz('subscriptions.trial_end') }} as trial_end_at,
        {{ utc_timestamptz('subscriptions.current_period_start') }} as current_period_start_at,
        {{ utc_timestamptz('subscriptions.current_period_end') }} as current_period_end_at,
        {{ utc_timestamptz('subscriptions.canceled_at') }} as cancelled_at,
        {{ utc_timestamptz('subscriptions.ended_at') }} as ended_at
    from current_subscriptions as subscriptions
    left join items
        on subscriptions.id = items.subscription_id
)

select * from final
