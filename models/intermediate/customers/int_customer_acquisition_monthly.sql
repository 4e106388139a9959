{{ config(materialized='table') }}
-- One row per (month, channel) with paid marketing spend or newly acquired customers: the
-- single source of CAC (8), CPA by channel (30), LTV:CAC (31) and CAC payback (42).
with
acquired as (
    select * from {{ ref('int_customers_acquired') }}
),

spend as (
    select * from {{ ref('int_marketing_spend_daily') }}
),

new_customers as (
    select
        acquisition_month as period_month,
        acquisition_channel as channel,
        count(*) as new_customers
    from acquired
    group by acquisition_month, acquisition_channel
),

paid_spend as (
    select
        cast({{ dbt.date_trunc('month', 'spend_date') }} as date) as period_month,
        channel,
        sum(spend) as paid_spend
    from spend
    where is_paid
    group by cast({{ dbt.date_trunc('month', 'spend_date') }} as date), channel
),

final as (
    select
        coalesce(new_customers.period_month, paid_spend.period_month) as period_month,
        coalesce(new_customers.channel, paid_spend.channel) as channel,
        coalesce(new_customers.new_customers, 0) as new_customers,
        cast(coalesce(paid_spend.paid_spend, 0) as decimal(18, 2)) as paid_spend
    from new_customers
    full outer join paid_spend
        on
            new_customers.period_month = paid_spend.period_month
            and new_customers.channel = paid_spend.channel
)

select * from final
