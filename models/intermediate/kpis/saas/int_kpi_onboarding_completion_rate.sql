-- KPI 43: accounts created in M whose users completed every required onboarding step within
-- onboarding_window_days of the account's creation / accounts created in M. Cohort metric.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

accounts as (
    select * from {{ ref('int_accounts_onboarded') }}
),

cohorts as (
    select
        created_month as period_month,
        count(*) as accounts_created,
        count(case when is_onboarded_in_window then 1 end) as accounts_onboarded
    from accounts
    group by created_month
),

final as (
    select
        {{ kpi_columns(
            43, 'onboarding_completion_rate',
            numerator='coalesce(cohorts.accounts_onboarded, 0)',
            denominator='coalesce(cohorts.accounts_created, 0)',
            period_month='months.period_month',
            is_complete=cohort_is_complete('months.period_month', var('onboarding_window_days'), spine_data_end('months')),
        ) }}
    from months
    left join cohorts on months.period_month = cohorts.period_month
)

select * from final
