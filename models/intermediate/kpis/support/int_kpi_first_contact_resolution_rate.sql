-- KPI 94: tickets whose final solve falls in the month that had exactly one agent touch and
-- were never reopened, over tickets whose final solve falls in the month. NULL without solves.
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
        sum(case when is_one_touch_resolved then 1 else 0 end) as one_touch_tickets,
        count(*) as solved_tickets
    from tickets
    where is_solved
    group by final_solved_month
),

final as (
    select
        {{ kpi_columns(
            94, 'first_contact_resolution_rate',
            numerator='coalesce(solved.one_touch_tickets, 0)',
            denominator='coalesce(solved.solved_tickets, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join solved on months.period_month = solved.period_month
)

select * from final
