{{ config(enabled=adapter_enabled('billing', 'stripe')) }}

-- Stripe recurring prices -> raw contract billing.plans (month or year). A yearly price stays
-- yearly; any other cadence (weekly, daily, every n months) becomes its monthly equivalent so the
-- contract's monthly normalisation gives the same MRR. Cents -> currency units. Discounted
-- plans (adapter_stripe__item_prices) are added as plans of their own.
with
list_and_discounted_prices as (
    select
        id as plan_id,
        nickname as plan_name,
        recurring_interval,
        recurring_interval_count,
        unit_amount
    from {{ source('stripe', 'price') }}
    union
    select distinct
        plan_id,
        plan_name,
        recurring_interval,
        recurring_interval_count,
        unit_amount
    from {{ ref('adapter_stripe__item_prices') }}
    where plan_id != price_id
),

recurring_prices as (
    select
        cast(plan_id as {{ dbt.type_string() }}) as plan_id,
        cast(plan_name as {{ dbt.type_string() }}) as plan_name,
        lower(cast(recurring_interval as {{ dbt.type_string() }})) as recurring_interval,
        coalesce(cast(recurring_interval_count as integer), 1) as interval_count,
        cast(unit_amount as decimal(38, 6)) / 100 as amount_per_interval
    from list_and_discounted_prices
    where recurring_interval is not null
),

final as (
    select
        plan_id,
        plan_name,
        case
            when recurring_interval = 'year' and interval_count = 1 then 'year' else 'month'
        end as billing_interval,
        cast(
            case
                when recurring_interval = 'year' and interval_count = 1 then amount_per_interval
                when recurring_interval = 'year' then amount_per_interval / (12 * interval_count)
                when recurring_interval = 'month' then amount_per_interval / interval_count
                when recurring_interval = 'week' then amount_per_interval * 52 / 12 / interval_count
                when recurring_interval = 'day' then amount_per_interval * 365 / 12 / interval_count
            end as decimal(18, 2)
        ) as price
    from recurring_prices
)

select * from final
