-- KPI 41: MRR at end of M / accounts with MRR > 0 at end of M.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            41, 'arpa',
            numerator='mrr_end',
            denominator='paying_accounts_end',
        ) }}
    from metrics
)

select * from final
