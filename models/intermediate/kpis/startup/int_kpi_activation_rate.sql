-- KPI 1: users who signed up in M and reached the activation event within
-- activation_window_days of sign-up / users who signed up in M. Cohort metric.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

users as (
    select * from {{ ref('int_users_activated') }}
),

cohorts as (
    select
        signup_month as period_month,
        count(*) as signups,
        count(case when is_activated_in_window then 1 end) as activated
    from users
    group by signup_month
),

final as (
    select
        {{ kpi_columns(
            1, 'activation_rate',
            numerator='coalesce(cohorts.activated, 0)',
            denominator='coalesce(cohorts.signups, 0)',
            period_month='months.period_month',
            is_complete=cohort_is_complete('months.period_month', var('activation_window_days'), spine_data_end('months')),
        ) }}
    from months
    left join cohorts on months.period_month = cohorts.period_month
)

select * from final
