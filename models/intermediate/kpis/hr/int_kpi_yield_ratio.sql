-- KPI 84: for applications created (started) in the month, per stage transition of the order
-- applied -> screen -> interview -> offer -> hired: applications that reached the next stage /
-- applications that reached this stage. An application reached a stage when its furthest stage
-- is that stage or a later one, so one that skipped a stage counts as having passed it. The
-- 'all' row is applied -> hired. Cohort: complete once every application of the month is
-- closed (hired, rejected or withdrawn).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

transitions as (
    select
        transition_list.from_rank,
        transition_list.to_rank,
        transition_list.transition_name
    from (
        values
        (1, 2, 'applied_to_screen'),
        (2, 3, 'screen_to_interview'),
        (3, 4, 'interview_to_offer'),
        (4, 5, 'offer_to_hired'),
        (1, 5, 'all')
    ) as transition_list (from_rank, to_rank, transition_name)
),

cohorts as (
    select
        cast({{ dbt.date_trunc('month', 'started_at') }} as date) as period_month,
        furthest_stage_rank,
        is_closed
    from applications
),

cohort_status as (
    select
        period_month,
        {{ bool_and('is_closed') }} as all_closed
    from cohorts
    group by period_month
),

reached as (
    select
        cohorts.period_month,
        transitions.transition_name,
        sum(case when cohorts.furthest_stage_rank >= transitions.to_rank then 1 else 0 end) as reached_next,
        sum(case when cohorts.furthest_stage_rank >= transitions.from_rank then 1 else 0 end) as reached_this
    from cohorts
    cross join transitions
    group by cohorts.period_month, transitions.transition_name
),

final as (
    select
        {{ kpi_columns(
            84, 'yield_ratio',
            numerator='coalesce(reached.reached_next, 0)',
            denominator='coalesce(reached.reached_this, 0)',
            period_month='months.period_month',
            dimension="case when transitions.transition_name = 'all' then 'all' else 'stage' end",
            dimension_value='transitions.transition_name',
            is_complete='coalesce(cohort_status.all_closed, true)',
        ) }}
    from months
    cross join transitions
    left join reached
        on
            months.period_month = reached.period_month
            and transitions.transition_name = reached.transition_name
    left join cohort_status on months.period_month = cohort_status.period_month
)

select * from final
