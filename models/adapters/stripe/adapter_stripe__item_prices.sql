{{ config(enabled=adapter_enabled('billing', 'stripe')) }}

-- One row per subscription item with the price it is billed at after a lasting discount.
-- A `forever` coupon still running (no end) on the subscription makes a discounted plan of its
-- own: `<price>~<coupon>` for percent off, `<price>~<coupon>~x<quantity>` for an amount off the
-- invoice (spread over the seats; only on single-item subscriptions, where the invoice is the
-- item). Time-limited coupons (once, repeating) are not applied: MRR is list price for them.
with
ranked_lasting_discounts as (
    select
        discounts.subscription_id,
        coupons.id as coupon_id,
        cast(coupons.percent_off as decimal(18, 6)) as percent_off,
        cast(coupons.amount_off as decimal(38, 6)) as amount_off,
        row_number() over (
            partition by discounts.subscription_id order by discounts.start desc, discounts.id asc
        ) as discount_rank
    from {{ source('stripe', 'discount') }} as discounts
    inner join {{ source('stripe', 'coupon') }} as coupons
        on discounts.coupon_id = coupons.id
    where
        discounts.subscription_id is not null
        and discounts.{{ adapter.quote("end") }} is null
        and coupons.duration = 'forever'
),

lasting_discounts as (
    select
        subscription_id,
        coupon_id,
        percent_off,
        amount_off
    from ranked_lasting_discounts
    where discount_rank = 1
),

items as (
    select
        id as item_id,
        subscription_id,
        plan_id as price_id,
        quantity,
        count(*) over (partition by subscription_id) as items_in_subscription
    from {{ source('stripe', 'subscription_item') }}
),

prices as (
    select
        id as price_id,
        nickname,
        recurring_interval,
        recurring_interval_count,
        cast(unit_amount as decimal(38, 6)) as unit_amount
    from {{ source('stripe', 'price') }}
),

final as (
    select
        items.item_id,
        items.subscription_id,
        items.items_in_subscription,
        items.quantity,
        items.price_id,
        case
            when lasting_discounts.percent_off is not null
                then items.price_id || '~' || lasting_discounts.coupon_id
            when lasting_discounts.amount_off is not null and items.items_in_subscription = 1
                then
                    items.price_id || '~' || lasting_discounts.coupon_id
                    || '~x' || cast(items.quantity as {{ dbt.type_string() }})
            else items.price_id
        end as plan_id,
        prices.nickname || coalesce(' (' || lasting_discounts.coupon_id || ')', '') as plan_name,
        prices.recurring_interval,
        prices.recurring_interval_count,
        case
            when lasting_discounts.percent_off is not null
                then prices.unit_amount * (1 - lasting_discounts.percent_off / 100)
            when lasting_discounts.amount_off is not null and items.items_in_subscription = 1 and items.quantity > 0
                then greatest(prices.unit_amount - lasting_discounts.amount_off / items.quantity, 0)
            else prices.unit_amount
        end as unit_amount
    from items
    left join prices
        on items.price_id = prices.price_id
    left join lasting_discounts
        on items.subscription_id = lasting_discounts.subscription_id
)

select * from final
