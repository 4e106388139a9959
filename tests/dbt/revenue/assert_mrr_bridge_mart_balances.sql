-- The mrr_bridge mart balances: start + new + reactivation + expansion - contraction -
-- churned = end MRR, customers at start + new + reactivated - churned = customers at end,
-- each month starts where the previous one ended, and ARR is 12 x end MRR.
-- Returns the months that break it.
with
bridge as (
    select * from {{ ref('mrr_bridge') }}
),

checked as (
    select
        period_month,
        mrr_start,
        mrr_end,
        arr_end,
        customers_start,
        customers_end,
        mrr_start + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr as bridged_mrr_end,
        customers_start + customers_new + customers_reactivated - customers_churned as bridged_customers_end,
        lag(mrr_end) over (order by period_month) as previous_mrr_end,
        lag(customers_end) over (order by period_month) as previous_customers_end
    from bridge
),

final as (
    select * from checked
    where
        abs(bridged_mrr_end - mrr_end) > 0.0001
        or abs(mrr_start - coalesce(previous_mrr_end, mrr_start)) > 0.0001
        or bridged_customers_end != customers_end
        or customers_start != coalesce(previous_customers_end, customers_start)
        or abs(arr_end - 12 * mrr_end) > 0.0001
)

select * from final
