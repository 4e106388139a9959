-- KPI 85: mean number of agent touches (public agent comments) on the tickets whose final
-- solve falls in the month. NULL in a month without solves.
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
        sum(touch_count) as touches,
        count(*) as solved_tickets
    from tickets
    where is_solved
    group by final_solved_month
),

final as (
    select
        {{ kpi_columns(
            85, 'touches_per_ticket',
            numerator='coalesce(solved.touches, 0)',
            denominator='coalesce(solved.solved_tickets, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join solved on months.period_month = solved.period_month
)

select * from final
