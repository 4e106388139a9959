-- KPI 77: spells started in the month that ended within probation_days of their start /
-- spells started in the month. Cohort: complete once the last day of the month plus
-- probation_days lies within the data (on or before the last day of the spine).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

spells as (
    select * from {{ ref('fct_employee_spells') }}
),

data_end as (
    select {{ hr_month_end('max(period_month)') }} as last_data_date
    from months
),

cohorts as (
    select
        start_month as period_month,
        sum(case when left_within_probation then 1 else 0 end) as early_leavers,
        count(*) as starters
    from spells
    group by start_month
),

final as (
    select
        {{ kpi_columns(
            77, 'new_hire_turnover_rate',
            numerator='coalesce(cohorts.early_leavers, 0)',
            denominator='coalesce(cohorts.starters, 0)',
            period_month='months.period_month',
            is_complete=dbt.dateadd('day', var('probation_days'), hr_month_end('months.period_month'))
                ~ ' <= data_end.last_data_date',
        ) }}
    from months
    cross join data_end
    left join cohorts on months.period_month = cohorts.period_month
)

select * from final
