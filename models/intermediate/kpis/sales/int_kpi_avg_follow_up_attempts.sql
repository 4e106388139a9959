-- KPI 52: for deals closed (won or lost) in the month, the mean number of completed
-- activities logged on the deal up to and including its close date.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

closed_deals as (
    select * from {{ ref('int_deals_enriched') }}
    where is_closed
),

monthly as (
    select
        closed_month,
        sum(activities_before_close) as activities_before_close,
        count(*) as closed_deals
    from closed_deals
    group by closed_month
),

final as (
    select
        {{ kpi_columns(
            52, 'avg_follow_up_attempts',
            numerator='coalesce(monthly.activities_before_close, 0)',
            denominator='coalesce(monthly.closed_deals, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.closed_month
)

select * from final
