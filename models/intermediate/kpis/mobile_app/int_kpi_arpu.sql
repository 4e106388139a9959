-- KPI 61: in-app revenue of the month (purchases excluding tax, refunded purchases count 0)
-- / app MAU (distinct users with a session started in the month, valid length or not).
with
months as (
    select * from {{ ref('int_app_months') }}
),

revenue as (
    select
        cast({{ dbt.date_trunc('month', 'purchased_at') }} as date) as purchase_month,
        sum(case when is_refunded then 0 else amount end) as in_app_revenue
    from {{ ref('stg_app__purchases') }}
    group by purchase_month
),

active_users as (
    select
        activity_month,
        count(distinct user_id) as monthly_active_users
    from {{ ref('int_app_user_days_active') }}
    group by activity_month
),

final as (
    select
        {{ kpi_columns(
            61, 'arpu',
            numerator='coalesce(revenue.in_app_revenue, 0)',
            denominator='coalesce(active_users.monthly_active_users, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join revenue on months.period_month = revenue.purchase_month
    left join active_users on months.period_month = active_users.activity_month
)

select * from final
