-- KPI 51: completed sales activities in the month per sales rep active in the month; overall,
-- by rep (numerator = the rep's activities, denominator = 1 when active, else 0 and a NULL
-- value) and by activity type (that type's activities / all active reps).
with
months as (
    select * from {{ ref('int_sales_months') }}
),

rep_months as (
    select * from {{ ref('int_sales_rep_months') }}
),

activities as (
    select
        rep_id,
        activity_type,
        cast({{ dbt.date_trunc('month', 'completed_at') }} as date) as activity_month
    from {{ ref('stg_crm__activities') }}
    where is_completed
),

activity_types as (
    select distinct activity_type from activities
),

monthly_by_rep_type as (
    select
        activity_month,
        rep_id,
        activity_type,
        count(*) as completed_activities
    from activities
    group by activity_month, rep_id, activity_type
),

active_reps as (
    select
        period_month,
        sum(case when is_active then 1 else 0 end) as active_reps
    from rep_months
    group by period_month
),

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(monthly_by_rep_type.completed_activities), 0) as completed_activities,
        max(active_reps.active_reps) as active_reps
    from months
    left join active_reps on months.period_month = active_reps.period_month
    left join monthly_by_rep_type on months.period_month = monthly_by_rep_type.activity_month
    group by months.period_month
),

by_rep as (
    select
        rep_months.period_month,
        'rep' as dimension,
        rep_months.rep_id as dimension_value,
        coalesce(sum(monthly_by_rep_type.completed_activities), 0) as completed_activities,
        max(case when rep_months.is_active then 1 else 0 end) as active_reps
    from rep_months
    left join monthly_by_rep_type
        on
            rep_months.period_month = monthly_by_rep_type.activity_month
            and rep_months.rep_id = monthly_by_rep_type.rep_id
    group by rep_months.period_month, rep_months.rep_id
),

by_type as (
    select
        months.period_month,
        'activity_type' as dimension,
        activity_types.activity_type as dimension_value,
        coalesce(sum(monthly_by_rep_type.completed_activities), 0) as completed_activities,
        max(active_reps.active_reps) as active_reps
    from months
    cross join activity_types
    left join active_reps on months.period_month = active_reps.period_month
    left join monthly_by_rep_type
        on
            months.period_month = monthly_by_rep_type.activity_month
            and activity_types.activity_type = monthly_by_rep_type.activity_type
    group by months.period_month, activity_types.activity_type
),

final as (
    select
        {{ kpi_columns(
            51, 'activities_per_rep',
            numerator='completed_activities',
            denominator='coalesce(active_reps, 0)',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from (
        select * from overall
        union all
        select * from by_rep
        union all
        select * from by_type
    ) as counts
)

select * from final
