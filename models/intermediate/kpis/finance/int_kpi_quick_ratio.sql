-- KPI 24: SaaS quick ratio, (new + expansion + reactivation MRR) / (contraction + churned MRR)
-- of M; NULL in a month without losses.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            24, 'quick_ratio',
            numerator='new_mrr + expansion_mrr + reactivation_mrr',
            denominator='contraction_mrr + churned_mrr',
        ) }}
    from metrics
)

select * from final
