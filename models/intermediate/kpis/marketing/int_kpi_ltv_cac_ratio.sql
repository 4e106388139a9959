-- KPI 31: customer lifetime value (44) / customer acquisition cost (8) of M; NULL when
-- either is undefined or CAC is 0.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

lifetime_value as (
    select * from {{ ref('int_kpi_customer_lifetime_value') }}
    where dimension = 'all'
),

acquisition_cost as (
    select * from {{ ref('int_customer_acquisition_cost_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            31, 'ltv_cac_ratio',
            numerator='lifetime_value.value',
            denominator='acquisition_cost.customer_acquisition_cost',
            period_month='months.period_month',
        ) }}
    from months
    left join lifetime_value on months.period_month = lifetime_value.period_month
    left join acquisition_cost on months.period_month = acquisition_cost.period_month
)

select * from final
