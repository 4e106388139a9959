-- KPI 48: (contraction + churned - expansion MRR) of M / MRR at start of M; negative when expansion outweighs losses.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            48, 'net_mrr_churn_rate',
            numerator='contraction_mrr + churned_mrr - expansion_mrr',
            denominator='mrr_start',
        ) }}
    from metrics
)

select * from final
