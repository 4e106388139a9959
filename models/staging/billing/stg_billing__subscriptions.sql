{{ config(meta={'quarantine_key': 'subscription_id'}) }}

with
source as (
    select * from {{ raw_source('billing', 'subscriptions') }}
),

renamed as (
    select distinct
        cast(subscription_id as {{ dbt.type_string() }}) as subscription_id,
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(plan_id as {{ dbt.type_string() }}) as plan_id,
        cast(quantity as integer) as quantity,
        lower(cast(status as {{ dbt.type_string() }})) as status,
        {{ to_utc('started_at') }} as started_at,
        {{ to_utc('trial_start_at') }} as trial_start_at,
        {{ to_utc('trial_end_at') }} as trial_end_at,
        {{ to_utc('current_period_start_at') }} as current_period_start_at,
        {{ to_utc('current_period_end_at') }} as current_period_end_at,
        {{ to_utc('cancelled_at') }} as cancelled_at,
        {{ to_utc('ended_at') }} as ended_at
    from source
),

row_checked as (
    select
        *,
        {{ quarantine_rule([
            ['timestamp_out_of_range', outside_plausible_range(['started_at', 'trial_start_at', 'trial_end_at', 'current_period_start_at', 'current_period_end_at', 'cancelled_at', 'ended_at'])],
            ['ended_before_started', 'ended_at < started_at'],
        ]) }} as row_rule
    from renamed
),

-- Two subscriptions of one customer to one plan over overlapping periods bill the same seats
-- twice; the later one is quarantined. Different plans may overlap (an upgrade, an add-on).
overlap_checked as (
    select
        *,
        max(case when row_rule is null then coalesce(ended_at, cast('9999-12-31' as timestamp)) end) over (
            partition by customer_id, plan_id
            order by started_at, subscription_id
            rows between unbounded preceding and 1 preceding
        ) as earlier_same_plan_ended_at
    from row_checked
),

checked as (
    select
        subscription_id,
        customer_id,
        plan_id,
        quantity,
        status,
        started_at,
        trial_start_at,
        trial_end_at,
        current_period_start_at,
        current_period_end_at,
        cancelled_at,
        ended_at,
        (
            quantity > 0
            and (trial_end_at is null or trial_start_at is null or trial_end_at >= trial_start_at)
        ) as is_valid,
        coalesce(
            row_rule,
            case when started_at < earlier_same_plan_ended_at then 'overlapping_period' end
        ) as quarantine_rule
    from overlap_checked
),

final as (
    {{ select_passed_quarantine('checked') }}
)

select * from final
