-- KPI 79: passive candidates first engaged in the month hired (an offer accepted) at or before
-- first_engaged_at + passive_hire_window_days x 24 h / passive candidates first engaged in the
-- month. Cohort: complete once the month's end plus the window lies within the data.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

candidates as (
    select * from {{ ref('stg_ats__candidates') }}
    where is_passive
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
    where is_hired
),

first_hires as (
    select
        candidate_id,
        min(hired_at) as first_hired_at
    from applications
    group by candidate_id
),

cohorts as (
    select
        cast({{ dbt.date_trunc('month', 'candidates.first_engaged_at') }} as date) as period_month,
        sum(
            case
                when
                    first_hires.first_hired_at >= candidates.first_engaged_at
                    and first_hires.first_hired_at
                    <= {{ dbt.dateadd('day', var('passive_hire_window_days'), 'candidates.first_engaged_at') }}
                    then 1
                else 0
            end
        ) as hired_in_window,
        count(*) as engaged
    from candidates
    left join first_hires on candidates.candidate_id = first_hires.candidate_id
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            79, 'passive_candidate_hire_rate',
            numerator='coalesce(cohorts.hired_in_window, 0)',
            denominator='coalesce(cohorts.engaged, 0)',
            period_month='months.period_month',
            is_complete=cohort_is_complete('months.period_month', var('passive_hire_window_days'), spine_data_end('months')),
        ) }}
    from months
    left join cohorts on months.period_month = cohorts.period_month
)

select * from final
