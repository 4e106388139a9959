{#
    Rows of a revenue-retention output (spec "Supplementary outputs"): the monthly ratio
    retained_mrr / mrr_start under `output_name`, and under `output_name ~ '_trailing_12m'` the
    product of the twelve monthly ratios ending in M, NULL until twelve months with a ratio
    exist. `retained_mrr` is an expression over int_saas_monthly_metrics.
#}
{% macro revenue_retention_rows(kpi_id, output_name, retained_mrr) -%}
    with
    metrics as (
        select * from {{ ref('int_saas_monthly_metrics') }}
    ),

    monthly as (
        select
            period_month,
            {{ retained_mrr }} as retained_mrr,
            mrr_start,
            {{ safe_divide(retained_mrr, 'mrr_start') }} as retention
        from metrics
    ),

    compounded as (
        select
            period_month,
            count(retention) over last_12_months as months_with_retention,
            {{ windowed_product('retention', 'last_12_months') }} as compounded_retention
        from monthly
        window last_12_months as (order by period_month rows between 11 preceding and current row)
    ),

    final as (
        select
            {{ kpi_columns(
                kpi_id, output_name,
                numerator='retained_mrr',
                denominator='mrr_start',
            ) }}
        from monthly
        union all
        select
            {{ kpi_columns(
                kpi_id, output_name ~ '_trailing_12m',
                value='case when months_with_retention = 12 then compounded_retention end',
            ) }}
        from compounded
    )

    select * from final
{%- endmacro %}
