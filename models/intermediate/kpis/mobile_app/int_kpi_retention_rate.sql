-- KPI 63: of the users whose first app open (first session start) falls in the month, the
-- share with a session started on UTC calendar day first_open_date + 1, + 7 and + 30 (a
-- session counts on the day it starts), and the share with a session in the next month.
-- Cohort metric: each series is incomplete while its day (for the month's last cohort day)
-- or the next month is not fully inside the data.
with
months as (
    select * from {{ ref('int_app_months') }}
),

user_days as (
    select * from {{ ref('int_app_user_days_active') }}
),

user_days_numbered as (
    select
        user_id,
        first_open_date,
        cast({{ dbt.date_trunc('month', 'first_open_date') }} as date) as cohort_month,
        {{ dbt.datediff('first_open_date', 'activity_date', 'day') }}
            as day_number,
        {{ dbt.datediff(dbt.date_trunc('month', 'first_open_date'), 'activity_month', 'month') }}
            as month_number
    from user_days
),

users as (
    select
        user_id,
        cohort_month,
        max(case when day_number = 1 then 1 else 0 end) as is_retained_d1,
        max(case when day_number = 7 then 1 else 0 end) as is_retained_d7,
        max(case when day_number = 30 then 1 else 0 end) as is_retained_d30,
        max(case when month_number = 1 then 1 else 0 end) as is_retained_next_month
    from user_days_numbered
    group by user_id, cohort_month
),

cohorts as (
    select
        cohort_month,
        count(*) as first_open_users,
        sum(is_retained_d1) as retained_d1,
        sum(is_retained_d7) as retained_d7,
        sum(is_retained_d30) as retained_d30,
        sum(is_retained_next_month) as retained_next_month
    from users
    group by cohort_month
),

joined as (
    select
        months.period_month,
        {{ dbt.dateadd('month', 1, 'months.period_month') }} as next_month_start,
        {{ spine_data_end('months') }} as data_end_at,
        coalesce(cohorts.first_open_users, 0) as first_open_users,
        coalesce(cohorts.retained_d1, 0) as retained_d1,
        coalesce(cohorts.retained_d7, 0) as retained_d7,
        coalesce(cohorts.retained_d30, 0) as retained_d30,
        coalesce(cohorts.retained_next_month, 0) as retained_next_month
    from months
    left join cohorts on months.period_month = cohorts.cohort_month
),

final as (
    select
        {{ kpi_columns(
            63, 'retention_rate_d1', numerator='retained_d1', denominator='first_open_users',
            is_complete=cohort_is_complete('period_month', 1, 'data_end_at'),
        ) }}
    from joined
    union all
    select
        {{ kpi_columns(
            63, 'retention_rate_d7', numerator='retained_d7', denominator='first_open_users',
            is_complete=cohort_is_complete('period_month', 7, 'data_end_at'),
        ) }}
    from joined
    union all
    select
        {{ kpi_columns(
            63, 'retention_rate_d30', numerator='retained_d30', denominator='first_open_users',
            is_complete=cohort_is_complete('period_month', 30, 'data_end_at'),
        ) }}
    from joined
    union all
    select
        {{ kpi_columns(
            63, 'retention_rate_next_month', numerator='retained_next_month', denominator='first_open_users',
            is_complete=dbt.dateadd('month', 1, 'next_month_start') ~ ' <= data_end_at',
        ) }}
    from joined
)

select * from final
