-- KPI 54: mean calendar days from deal creation (UTC day) to close date, for deals closed won
-- in the month; a deal won on the day it was created has a cycle of 0 days.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

won_deals as (
    select * from {{ ref('int_deals_enriched') }}
    where is_won
),

monthly as (
    select
        closed_month,
        {{ exact_sum('sales_cycle_days') }} as cycle_days,
        count(*) as won_deals
    from won_deals
    group by closed_month
),

final as (
    select
        {{ kpi_columns(
            54, 'average_sales_cycle_days',
            numerator='coalesce(monthly.cycle_days, 0)',
            denominator='coalesce(monthly.won_deals, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.closed_month
)

select * from final
