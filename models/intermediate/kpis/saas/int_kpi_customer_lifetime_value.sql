-- KPI 44: ARPA (41) x gross margin (23) / customer churn rate (4), all of M, from the shared
-- monthly facts; NULL when churn is 0 or undefined, or gross margin is undefined.
-- numerator = ARPA x gross margin, denominator = customer churn rate.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

margin as (
    select * from {{ ref('int_gross_margin_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            44, 'customer_lifetime_value',
            numerator='metrics.arpa * margin.gross_margin',
            denominator='metrics.customer_churn_rate',
            period_month='metrics.period_month',
        ) }}
    from metrics
    inner join margin on metrics.period_month = margin.period_month
)

select * from final
