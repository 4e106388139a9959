-- KPI 59: of the leads reaching SQL in the month, the share with a deal opened from the lead
-- closed won within var('win_window_days') (default 180) calendar days of the SQL day.
-- Cohort metric: incomplete while the window of the month's last day runs past the data.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

monthly as (
    select
        sql_month,
        sum(case when is_won_within_window then 1 else 0 end) as sqls_won,
        count(*) as sqls
    from {{ ref('int_leads_enriched') }}
    where sql_month is not null
    group by sql_month
),

final as (
    select
        {{ kpi_columns(
            59, 'sql_win_rate',
            numerator='coalesce(monthly.sqls_won, 0)',
            denominator='coalesce(monthly.sqls, 0)',
            period_month='months.period_month',
            is_complete=cohort_is_complete('months.period_month', var('win_window_days'), spine_data_end('months')),
        ) }}
    from months
    left join monthly on months.period_month = monthly.sql_month
)

select * from final
