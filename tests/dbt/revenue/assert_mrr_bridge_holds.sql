-- The MRR bridge: start + new + reactivation + expansion - contraction - churned = end, for
-- every month, and every month's start MRR equals the previous month's end MRR.
-- Returns the months that break it.
with
metrics as (
    select * from {{ ref('int_saas_monthly_metrics') }}
),

checked as (
    select
        period_month,
        mrr_start,
        mrr_end,
        mrr_start + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr as bridged_end,
        lag(mrr_end) over (order by period_month) as previous_end
    from metrics
),

final as (
    select * from checked
    where
        abs(bridged_end - mrr_end) > 0.0001
        or abs(mrr_start - coalesce(previous_end, mrr_start)) > 0.0001
)

select * from final
