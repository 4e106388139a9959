-- KPI 45: expansion MRR of M / MRR at start of M.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            45, 'mrr_expansion_rate',
            numerator='expansion_mrr',
            denominator='mrr_start',
        ) }}
    from metrics
)

select * from final
