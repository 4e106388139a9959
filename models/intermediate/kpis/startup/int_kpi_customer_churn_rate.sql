-- KPI 4: customers active (holding a paid subscription) at start of M and not at end of M /
-- customers active at start of M; customers gained during M count on neither side.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        {{ kpi_columns(
            4, 'customer_churn_rate',
            numerator='customers_churned',
            denominator='customers_active_start',
        ) }}
    from metrics
)

select * from final
