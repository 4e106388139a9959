-- KPI 15: product reviews created in the month rated 4 or 5 / product reviews created in the
-- month. NULL in a month without reviews.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

reviews as (
    select * from {{ ref('stg_shop__product_reviews') }}
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'created_at') }} as date) as period_month,
        count(case when is_satisfied then 1 end) as satisfied_reviews,
        count(*) as reviews
    from reviews
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            15, 'satisfied_transaction_pct',
            numerator='coalesce(monthly.satisfied_reviews, 0)',
            denominator='coalesce(monthly.reviews, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
