-- One row per free trial (a valid subscription with a trial start): when the customer first
-- started paying at or after the trial start (by the end of the data) and whether that came
-- within trial_conversion_window_days x 24 hours.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

subscriptions as (
    select * from {{ ref('stg_billing__subscriptions') }}
    where is_valid and trial_start_at is not null
),

paid as (
    select * from {{ ref('int_subscriptions_paid') }}
),

conversions as (
    select
        subscriptions.subscription_id,
        min(paid.paid_start_at) as converted_at
    from subscriptions
    inner join paid
        on
            subscriptions.customer_id = paid.customer_id
            and subscriptions.trial_start_at <= paid.paid_start_at
            and {{ spine_data_end('months') }} > paid.paid_start_at
    group by subscriptions.subscription_id
),

final as (
    select
        subscriptions.subscription_id,
        subscriptions.customer_id,
        subscriptions.trial_start_at,
        cast({{ dbt.date_trunc('month', 'subscriptions.trial_start_at') }} as date) as trial_month,
        conversions.converted_at,
        coalesce(
            conversions.converted_at
            <= {{ dbt.dateadd('day', var('trial_conversion_window_days'), 'subscriptions.trial_start_at') }},
            false
        ) as is_converted_in_window
    from subscriptions
    left join conversions on subscriptions.subscription_id = conversions.subscription_id
)

select * from final
