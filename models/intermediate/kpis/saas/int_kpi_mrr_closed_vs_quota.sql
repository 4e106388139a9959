-- KPI 47: MRR of CRM deals closed-won in M / MRR quota of M, overall and by rep. Reps are
-- every deal owner or quota holder ever seen, each with a row every month.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

deals as (
    select * from {{ ref('stg_crm__deals') }}
),

targets as (
    select * from {{ ref('stg_crm__sales_targets') }}
),

reps as (
    select rep_id from deals
    union
    select rep_id from targets
),

won_by_rep_month as (
    select
        cast({{ dbt.date_trunc('month', 'closed_date') }} as date) as period_month,
        rep_id,
        {{ exact_sum('coalesce(mrr, 0)') }} as won_mrr
    from deals
    where is_won and closed_date is not null
    group by cast({{ dbt.date_trunc('month', 'closed_date') }} as date), rep_id
),

quota_by_rep_month as (
    select
        cast(target_month as date) as period_month,
        rep_id,
        sum(mrr_quota) as mrr_quota
    from targets
    group by cast(target_month as date), rep_id
),

monthly as (
    -- rep-less rows have no rep row, so they stay out of the 'all' row too
    select
        coalesce(won_by_rep_month.period_month, quota_by_rep_month.period_month) as period_month,
        coalesce(won_by_rep_month.rep_id, quota_by_rep_month.rep_id) as rep_id,
        won_by_rep_month.won_mrr,
        quota_by_rep_month.mrr_quota
    from won_by_rep_month
    full outer join quota_by_rep_month
        on
            won_by_rep_month.period_month = quota_by_rep_month.period_month
            and won_by_rep_month.rep_id = quota_by_rep_month.rep_id
    where coalesce(won_by_rep_month.rep_id, quota_by_rep_month.rep_id) is not null
),

attainment as (
    {{ breakdown_with_total('months', 'reps', 'monthly', 'rep_id', 'rep', ['won_mrr', 'mrr_quota']) }}
),

final as (
    select
        {{ kpi_columns(
            47, 'mrr_closed_vs_quota',
            numerator='won_mrr',
            denominator='mrr_quota',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from attainment
)

select * from final
