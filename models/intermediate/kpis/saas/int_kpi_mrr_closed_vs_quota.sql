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
        sum(coalesce(mrr, 0)) as won_mrr
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

by_rep as (
    select
        months.period_month,
        'rep' as dimension,
        reps.rep_id as dimension_value,
        coalesce(won_by_rep_month.won_mrr, 0) as won_mrr,
        coalesce(quota_by_rep_month.mrr_quota, 0) as mrr_quota
    from months
    cross join reps
    left join won_by_rep_month
        on
            months.period_month = won_by_rep_month.period_month
            and reps.rep_id = won_by_rep_month.rep_id
    left join quota_by_rep_month
        on
            months.period_month = quota_by_rep_month.period_month
            and reps.rep_id = quota_by_rep_month.rep_id
),

overall as (
    select
        period_month,
        'all' as dimension,
        'all' as dimension_value,
        sum(won_mrr) as won_mrr,
        sum(mrr_quota) as mrr_quota
    from by_rep
    group by period_month
),

months_without_reps as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        0 as won_mrr,
        0 as mrr_quota
    from months
    where not exists (select 1 from reps)
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
    from (
        select * from overall
        union all
        select * from months_without_reps
        union all
        select * from by_rep
    ) as attainment
)

select * from final
