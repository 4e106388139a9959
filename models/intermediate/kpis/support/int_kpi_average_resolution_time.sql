-- KPI 88: hours from creation to final solve of the tickets whose final solve falls in the
-- month: the mean (with sum and count) and the median. A reopened ticket counts once, in the
-- month of its last solve, from its creation. NULL in a month without solves.
with
months as (
    select * from {{ ref('int_support_months') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

solved as (
    select
        final_solved_month as period_month,
        {{ exact_sum('resolution_hours') }} as resolution_hours,
        count(*) as solved_tickets,
        {{ median('resolution_hours') }} as median_resolution_hours
    from tickets
    where is_solved
    group by final_solved_month
),

mean_rows as (
    select
        {{ kpi_columns(
            88, 'average_resolution_time',
            numerator='coalesce(solved.resolution_hours, 0)',
            denominator='coalesce(solved.solved_tickets, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join solved on months.period_month = solved.period_month
),

median_rows as (
    select
        {{ kpi_columns(
            88, 'average_resolution_time_median',
            value='solved.median_resolution_hours',
            period_month='months.period_month',
        ) }}
    from months
    left join solved on months.period_month = solved.period_month
),

final as (
    select * from mean_rows
    union all
    select * from median_rows
)

select * from final
