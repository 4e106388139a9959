-- KPI 5: mean DAU over the calendar days of M (0 on days without events) / MAU of M.
-- numerator = mean DAU, denominator = MAU.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

active_daily as (
    select
        *,
        cast({{ dbt.date_trunc('month', 'activity_date') }} as date) as period_month
    from {{ ref('int_product_users_active_daily') }}
),

monthly as (
    select
        period_month,
        count(*) as user_days,
        count(distinct user_id) as monthly_active_users
    from active_daily
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            5, 'dau_mau_ratio',
            numerator="coalesce(monthly.user_days, 0) / cast(" ~ dbt.datediff('months.period_month', next_month_start('months.period_month'), 'day') ~ " as " ~ type_double() ~ ")",
            denominator='coalesce(monthly.monthly_active_users, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
