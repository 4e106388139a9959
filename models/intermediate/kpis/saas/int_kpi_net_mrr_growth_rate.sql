-- KPI 49: (MRR at end of M - MRR at start of M) / MRR at start of M.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            49, 'net_mrr_growth_rate',
            numerator='mrr_end - mrr_start',
            denominator='mrr_start',
        ) }}
    from metrics
)

select * from final
