{{ config(materialized='table') }}
-- One row per month of the revenue spine: the MRR bridge (start, movements, end) and the
-- account counts the SaaS and startup KPIs share (ARPA, customer churn, LTV, quick ratio, ...).
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

customer_months as (
    select * from {{ ref('fct_mrr_customer_months') }}
),

monthly as (
    select
        period_month,
        sum(mrr_start) as mrr_start,
        sum(mrr_end) as mrr_end,
        sum(new_mrr) as new_mrr,
        sum(reactivation_mrr) as reactivation_mrr,
        sum(expansion_mrr) as expansion_mrr,
        sum(contraction_mrr) as contraction_mrr,
        sum(churned_mrr) as churned_mrr,
        count(case when is_active_end then 1 end) as paying_accounts_end,
        count(case when is_active_start then 1 end) as customers_active_start,
        count(case when movement_type = 'churned' then 1 end) as customers_churned,
        count(case when movement_type = 'new' then 1 end) as customers_new,
        count(case when movement_type = 'reactivation' then 1 end) as customers_reactivated,
        count(case when movement_type = 'expansion' then 1 end) as customers_expanded,
        count(case when movement_type = 'contraction' then 1 end) as customers_contracted
    from customer_months
    group by period_month
),

filled as (
    select
        months.period_month,
        coalesce(monthly.mrr_start, 0) as mrr_start,
        coalesce(monthly.mrr_end, 0) as mrr_end,
        coalesce(monthly.new_mrr, 0) as new_mrr,
        coalesce(monthly.reactivation_mrr, 0) as reactivation_mrr,
        coalesce(monthly.expansion_mrr, 0) as expansion_mrr,
        coalesce(monthly.contraction_mrr, 0) as contraction_mrr,
        coalesce(monthly.churned_mrr, 0) as churned_mrr,
        coalesce(monthly.paying_accounts_end, 0) as paying_accounts_end,
        coalesce(monthly.customers_active_start, 0) as customers_active_start,
        coalesce(monthly.customers_churned, 0) as customers_churned,
        coalesce(monthly.customers_new, 0) as customers_new,
        coalesce(monthly.customers_reactivated, 0) as customers_reactivated,
        coalesce(monthly.customers_expanded, 0) as customers_expanded,
        coalesce(monthly.customers_contracted, 0) as customers_contracted
    from months
    left join monthly on months.period_month = monthly.period_month
),

final as (
    select
        *,
        {{ safe_divide('mrr_end', 'paying_accounts_end') }} as arpa,
        {{ safe_divide('customers_churned', 'customers_active_start') }} as customer_churn_rate
    from filled
)

select * from final
