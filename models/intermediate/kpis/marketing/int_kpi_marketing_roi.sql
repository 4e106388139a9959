-- KPI 32: (revenue in M of paid-acquired customers - paid marketing spend in M) / paid
-- marketing spend in M; NULL without paid spend. A customer counts in the months from its
-- acquisition month through the next roi_attribution_months - 1 when a paid channel acquired
-- it (the acquisition rule and the paid spend are the ones CAC uses).
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

acquired as (
    select * from {{ ref('int_customers_acquired') }}
),

customer_revenue as (
    select * from {{ ref('int_customer_revenue_monthly') }}
),

acquisition_cost as (
    select * from {{ ref('int_customer_acquisition_cost_monthly') }}
),

paid_acquired_revenue as (
    select
        customer_revenue.period_month,
        sum(customer_revenue.revenue) as revenue
    from customer_revenue
    inner join acquired
        on
            customer_revenue.customer_id = acquired.customer_id
            and acquired.is_paid_acquisition
            and customer_revenue.period_month >= acquired.acquisition_month
            and customer_revenue.period_month
            < {{ dbt.dateadd('month', var('roi_attribution_months'), 'acquired.acquisition_month') }}
    group by customer_revenue.period_month
),

monthly as (
    select
        months.period_month,
        coalesce(paid_acquired_revenue.revenue, 0) as paid_acquired_revenue,
        coalesce(acquisition_cost.paid_spend, 0) as paid_spend
    from months
    left join paid_acquired_revenue on months.period_month = paid_acquired_revenue.period_month
    left join acquisition_cost on months.period_month = acquisition_cost.period_month
),

final as (
    select
        {{ kpi_columns(
            32, 'marketing_roi',
            numerator='paid_acquired_revenue - paid_spend',
            denominator='paid_spend',
        ) }}
    from monthly
)

select * from final
