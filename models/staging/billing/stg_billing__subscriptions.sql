with
source as (
    select * from {{ raw_source('billing', 'subscriptions') }}
),

renamed as (
    select distinct
        cast(subscription_id as varchar) as subscription_id,
        cast(customer_id as varchar) as customer_id,
        cast(plan_id as varchar) as plan_id,
        cast(quantity as integer) as quantity,
        lower(cast(status as varchar)) as status,
        {{ to_utc('started_at') }} as started_at,
        {{ to_utc('trial_start_at') }} as trial_start_at,
        {{ to_utc('trial_end_at') }} as trial_end_at,
        {{ to_utc('current_period_start_at') }} as current_period_start_at,
        {{ to_utc('current_period_end_at') }} as current_period_end_at,
        {{ to_utc('cancelled_at') }} as cancelled_at,
        {{ to_utc('ended_at') }} as ended_at
    from source
),

flagged as (
    select
        *,
        (
            quantity > 0
            and (ended_at is null or ended_at >= started_at)
            and (trial_end_at is null or trial_start_at is null or trial_end_at >= trial_start_at)
        ) as is_valid
    from renamed
),

final as (
    select * from flagged
)

select * from final
