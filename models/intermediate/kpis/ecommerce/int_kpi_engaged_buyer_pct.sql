-- KPI 14: buyers registered by the end of the month who made a search or placed a valid
-- (not cancelled) order in it / buyers registered by the end of the month. Anonymous
-- searches and cancelled orders do not engage anyone. NULL while no buyer is registered.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

buyers as (
    select * from {{ ref('stg_shop__buyers') }}
),

searches as (
    select * from {{ ref('stg_shop__searches') }}
),

valid_orders as (
    select * from {{ ref('fct_orders') }}
    where is_valid
),

monthly_registrations as (
    select
        cast({{ dbt.date_trunc('month', 'registered_at') }} as date) as registration_month,
        count(*) as registered_buyers
    from buyers
    group by registration_month
),

registered as (
    select
        months.period_month,
        coalesce(sum(monthly_registrations.registered_buyers), 0) as registered_buyers
    from months
    left join monthly_registrations on months.period_month >= monthly_registrations.registration_month
    group by months.period_month
),

engagements as (
    select
        buyer_id,
        cast({{ dbt.date_trunc('month', 'searched_at') }} as date) as period_month
    from searches
    where buyer_id is not null
    union
    select
        customer_id as buyer_id,
        order_month as period_month
    from valid_orders
),

engaged as (
    select
        engagements.period_month,
        count(distinct engagements.buyer_id) as engaged_buyers
    from engagements
    inner join buyers on engagements.buyer_id = buyers.buyer_id
    where buyers.registered_at < {{ dbt.dateadd('month', 1, 'engagements.period_month') }}
    group by engagements.period_month
),

final as (
    select
        {{ kpi_columns(
            14, 'engaged_buyer_pct',
            numerator='coalesce(engaged.engaged_buyers, 0)',
            denominator='registered.registered_buyers',
            period_month='registered.period_month',
        ) }}
    from registered
    left join engaged on registered.period_month = engaged.period_month
)

select * from final
