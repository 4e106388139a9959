-- KPI 100: the backlog, tickets created by the end of the month and not solved at its last
-- instant (a reopened ticket is open again until its next solve). 0 when none.
with
months as (
    select * from {{ ref('int_support_months') }}
),

open_tickets as (
    select * from {{ ref('int_tickets_open_at_month_end') }}
),

monthly as (
    select
        period_month,
        count(*) as open_count
    from open_tickets
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            100, 'open_tickets',
            value='coalesce(monthly.open_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
