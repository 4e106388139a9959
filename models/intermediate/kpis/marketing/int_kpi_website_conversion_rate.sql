-- KPI 39: web sessions started in the month with at least one goal conversion (any goal) /
-- web sessions started in the month. No sessions gives NULL.
with
web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            39, 'website_conversion_rate',
            numerator='converted_sessions',
            denominator='sessions',
        ) }}
    from web_months
)

select * from final
