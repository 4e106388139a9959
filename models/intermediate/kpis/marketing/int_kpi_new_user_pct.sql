-- KPI 35: distinct web visitors of the month whose first-ever session started in the month
-- / distinct web visitors of the month. "First-ever" looks at all the web data loaded, so in
-- the first month of the data every visitor is new. No visitors gives NULL.
with
web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            35, 'new_user_pct',
            numerator='new_visitors',
            denominator='visitors',
        ) }}
    from web_months
)

select * from final
