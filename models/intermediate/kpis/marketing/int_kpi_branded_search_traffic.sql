-- KPI 29: web sessions started in the month from search (organic or paid) on a branded term,
-- and their share of all search sessions of the month (NULL without search sessions).
with
web_months as (
    select * from {{ ref('int_web_sessions_aggregated_monthly') }}
),

final as (
    select {{ kpi_columns(29, 'branded_search_traffic', value='branded_search_sessions') }}
    from web_months
    union all
    select
        {{ kpi_columns(
            29, 'branded_search_share',
            numerator='branded_search_sessions',
            denominator='search_sessions',
        ) }}
    from web_months
)

select * from final
