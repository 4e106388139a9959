-- KPI 40: growth rate of web sessions started in the month over the previous month:
-- (sessions(M) - sessions(M-1)) / sessions(M-1); NULL in the first month of the spine and
-- when the previous month had no sessions.
with
web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            40, 'website_traffic_growth',
            numerator=growth_numerator('sessions'),
            denominator=growth_denominator('sessions'),
        ) }}
    from web_months
)

select * from final
