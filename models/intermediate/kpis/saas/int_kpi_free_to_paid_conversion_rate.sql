-- KPI 50: free trials started in M whose customer started paying by the trial's own end +
-- trial_conversion_grace_days (freemium: start + freemium_conversion_window_days) / trials
-- started in M. Cohort metric: complete once every trial's deadline is within the data.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

trials as (
    select * from {{ ref('int_trials_converted') }}
),

cohorts as (
    select
        trial_month as period_month,
        count(*) as trials_started,
        count(case when is_converted_in_window then 1 end) as trials_converted,
        max(conversion_deadline_at) as last_conversion_deadline_at
    from trials
    group by trial_month
),

final as (
    select
        {{ kpi_columns(
            50, 'free_to_paid_conversion_rate',
            numerator='coalesce(cohorts.trials_converted, 0)',
            denominator='coalesce(cohorts.trials_started, 0)',
            period_month='months.period_month',
            is_complete='coalesce(cohorts.last_conversion_deadline_at <= ' ~ spine_data_end('months') ~ ', true)',
        ) }}
    from months
    left join cohorts on months.period_month = cohorts.period_month
)

select * from final
