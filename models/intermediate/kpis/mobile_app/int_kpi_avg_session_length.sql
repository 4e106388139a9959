-- KPI 64: mean and median length in seconds of the valid app sessions started in the month;
-- sessions with an end before the start, no end, or a length over 24 hours are left out and
-- counted as invalid_app_sessions.
with
months as (
    select * from {{ ref('int_app_months') }}
),

sessions as (
    select
        cast({{ dbt.date_trunc('month', 'started_at') }} as date) as session_month,
        is_valid_duration,
        case when is_valid_duration then duration_seconds end as valid_seconds
    from {{ ref('stg_app__sessions') }}
),

monthly as (
    select
        session_month,
        {{ exact_sum('valid_seconds') }} as valid_seconds,
        sum(case when is_valid_duration then 1 else 0 end) as valid_sessions,
        {{ median('valid_seconds') }} as median_seconds,
        sum(case when is_valid_duration then 0 else 1 end) as invalid_sessions
    from sessions
    group by session_month
),

joined as (
    select
        months.period_month,
        coalesce(monthly.valid_seconds, 0) as valid_seconds,
        coalesce(monthly.valid_sessions, 0) as valid_sessions,
        monthly.median_seconds,
        coalesce(monthly.invalid_sessions, 0) as invalid_sessions
    from months
    left join monthly on months.period_month = monthly.session_month
),

final as (
    select {{ kpi_columns(64, 'avg_session_length', numerator='valid_seconds', denominator='valid_sessions') }}
    from joined
    union all
    select {{ kpi_columns(64, 'avg_session_length_median', value='median_seconds') }}
    from joined
    union all
    select {{ kpi_columns(64, 'invalid_app_sessions', value='invalid_sessions') }}
    from joined
)

select * from final
