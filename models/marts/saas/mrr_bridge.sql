{{ config(materialized='table') }}
-- Supplementary output (spec "Supplementary outputs"): the MRR bridge itself, one row per
-- month of the revenue spine, with the accounts behind each movement.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

final as (
    select
        period_month,
        mrr_start,
        new_mrr,
        reactivation_mrr,
        expansion_mrr,
        contraction_mrr,
        churned_mrr,
        mrr_end,
        12 * mrr_end as arr_end,
        customers_active_start as customers_start,
        customers_new,
        customers_reactivated,
        customers_expanded,
        customers_contracted,
        customers_churned,
        paying_accounts_end as customers_end
    from metrics
)

select * from final
