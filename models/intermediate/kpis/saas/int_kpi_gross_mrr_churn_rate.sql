-- KPI 46: (contraction + churned MRR) of M / MRR at start of M.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            46, 'gross_mrr_churn_rate',
            numerator='contraction_mrr + churned_mrr',
            denominator='mrr_start',
        ) }}
    from metrics
)

select * from final
