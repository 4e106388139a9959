-- One row per valid subscription with a non-empty paid period and a positive MRR: its MRR
-- (quantity x price, annual plans / 12) and the half-open interval [paid_start_at, paid_end_at)
-- it is paid over. Trials are not paid: the paid period starts at the trial end.
with
subscriptions as (
    select * from {{ ref('stg_billing__subscriptions') }}
    where is_valid
),

plans as (
    select * from {{ ref('stg_billing__plans') }}
),

priced as (
    select
        subscriptions.subscription_id,
        subscriptions.customer_id,
        subscriptions.plan_id,
        plans.billing_interval,
        subscriptions.quantity,
        cast(
            subscriptions.quantity * plans.price
            / case when plans.billing_interval = 'year' then 12 else 1 end
            as decimal(18, 6)
        ) as mrr,
        coalesce(subscriptions.trial_end_at, subscriptions.started_at) as paid_start_at,
        subscriptions.ended_at as paid_end_at
    from subscriptions
    inner join plans on subscriptions.plan_id = plans.plan_id
),

final as (
    select * from priced
    where
        mrr > 0
        and (paid_end_at is null or paid_end_at > paid_start_at)
)

select * from final
