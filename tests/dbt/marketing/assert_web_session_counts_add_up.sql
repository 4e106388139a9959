-- Identity: every web session of a spine month is counted once in the monthly aggregate, and
-- every visitor has exactly one first-visit session. Returns the months or visitors that break it.
with
web_sessions as (
    select * from {{ ref('fct_web_sessions') }}
),

web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

fact_counts as (
    select
        session_month as period_month,
        count(*) as sessions,
        count(*) filter (where is_first_visit_session) as new_visitors
    from web_sessions
    group by session_month
),

month_mismatches as (
    select
        web_months.period_month,
        'monthly aggregate differs from fct_web_sessions' as problem
    from web_months
    left join fact_counts on web_months.period_month = fact_counts.period_month
    where
        web_months.sessions != coalesce(fact_counts.sessions, 0)
        or web_months.new_visitors != coalesce(fact_counts.new_visitors, 0)
),

visitor_mismatches as (
    select
        cast(null as date) as period_month,
        'visitor ' || visitor_id || ' has ' || count(*) filter (where is_first_visit_session)
        || ' first-visit sessions' as problem
    from web_sessions
    group by visitor_id
    having count(*) filter (where is_first_visit_session) != 1
),

final as (
    select * from month_mismatches
    union all
    select * from visitor_mismatches
)

select * from final
