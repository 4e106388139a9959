-- One row per customer that ever had a paid subscription: the start of its first paid period.
with
paid as (
    select * from {{ ref('int_subscriptions_paid') }}
),

final as (
    select
        customer_id,
        min(paid_start_at) as first_paid_at
    from paid
    group by customer_id
)

select * from final
