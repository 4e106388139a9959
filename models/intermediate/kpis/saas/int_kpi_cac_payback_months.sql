-- KPI 42: months to earn back the acquisition cost: CAC (8) / (ARPA (41) x gross margin (23))
-- of M. NULL when any input is undefined or ARPA x gross margin is 0; negative when the
-- gross margin is negative.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

acquisition_cost as (
    select * from {{ ref('int_customer_acquisition_cost_monthly') }}
),

saas_metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

gross_margin as (
    select * from {{ ref('int_gross_margin_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            42, 'cac_payback_months',
            numerator='acquisition_cost.customer_acquisition_cost',
            denominator='saas_metrics.arpa * gross_margin.gross_margin',
            period_month='months.period_month',
        ) }}
    from months
    left join acquisition_cost on months.period_month = acquisition_cost.period_month
    left join saas_metrics on months.period_month = saas_metrics.period_month
    left join gross_margin on months.period_month = gross_margin.period_month
)

select * from final
