-- KPI 8: paid marketing spend in M / customers acquired in M (first valid order or first paid
-- subscription, whichever is earlier). 0 when customers came without spend, NULL without
-- new customers.
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

acquisition_cost as (
    select * from {{ ref('int_customer_acquisition_cost_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            8, 'customer_acquisition_cost',
            numerator='coalesce(acquisition_cost.paid_spend, 0)',
            denominator='coalesce(acquisition_cost.new_customers, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join acquisition_cost on months.period_month = acquisition_cost.period_month
)

select * from final
