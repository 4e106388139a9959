-- One row per free trial (a valid subscription with a trial start): when the customer first
-- started paying at or after the trial start (by the end of the data) and whether that came
-- by the conversion deadline: the trial's own end + trial_conversion_grace_days, or for a
-- freemium signup (no trial end) its start + freemium_conversion_window_days.
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

deadlines as (
    select
        subscriptions.subscription_id,
        subscriptions.customer_id,
        subscriptions.trial_start_at,
        subscriptions.trial_end_at,
        case
            when subscriptions.trial_end_at is not null
                then {{ dbt.dateadd('day', var('trial_conversion_grace_days'), 'subscriptions.trial_end_at') }}
            else {{ dbt.dateadd('day', var('freemium_conversion_window_days'), 'subscriptions.trial_start_at') }}
        end as conversion_deadline_at
    from subscriptions
),

final as (
    select
        deadlines.subscription_id,
        deadlines.customer_id,
        deadlines.trial_start_at,
        deadlines.trial_end_at,
        cast({{ dbt.date_trunc('month', 'deadlines.trial_start_at') }} as date) as trial_month,
        cast(deadlines.conversion_deadline_at as timestamp) as conversion_deadline_at,
        conversions.converted_at,
        coalesce(conversions.converted_at <= deadlines.conversion_deadline_at, false) as is_converted_in_window
    from deadlines
    left join conversions on deadlines.subscription_id = conversions.subscription_id
)

select * from final
