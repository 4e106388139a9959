-- KPI 93: tickets created in the month that were ever escalated (their support tier rose
-- after creation, at any time so far) over tickets created in the month. NULL in a month
-- without tickets; may be restated when an older ticket is escalated later.
with
months as (
    select * from {{ ref('int_support_months') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

created as (
    select
        created_month as period_month,
        sum(case when is_escalated then 1 else 0 end) as escalated_tickets,
        count(*) as created_tickets
    from tickets
    group by created_month
),

final as (
    select
        {{ kpi_columns(
            93, 'escalation_rate',
            numerator='coalesce(created.escalated_tickets, 0)',
            denominator='coalesce(created.created_tickets, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join created on months.period_month = created.period_month
)

select * from final
