-- KPI 57: of the leads reaching MQL in the month, the share reaching SQL within
-- var('sql_window_days') (default 90 x 24 hours) of the MQL time. Cohort metric: incomplete
-- while the window of the month's last MQL instant runs past the end of the data.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

monthly as (
    select
        mql_month,
        sum(case when is_sql_within_window then 1 else 0 end) as sqls_within_window,
        count(*) as mqls
    from {{ ref('int_leads_enriched') }}
    where mql_month is not null
    group by mql_month
),

final as (
    select
        {{ kpi_columns(
            57, 'mql_to_sql_rate',
            numerator='coalesce(monthly.sqls_within_window, 0)',
            denominator='coalesce(monthly.mqls, 0)',
            period_month='months.period_month',
            is_complete=cohort_is_complete('months.period_month', var('sql_window_days'), spine_data_end('months')),
        ) }}
    from months
    left join monthly on months.period_month = monthly.mql_month
)

select * from final
