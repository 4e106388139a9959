-- KPI 95: hours from creation to the first agent touch of the customer-created tickets created
-- in the month that have one: the mean (with sum and count) and the median. Agent-created
-- (outbound) tickets are left out: their first agent message opens the conversation rather
-- than responding to one. NULL when no ticket of the month has a response yet.
with
months as (
    select * from {{ ref('int_support_months') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

responded as (
    select
        created_month as period_month,
        {{ exact_sum('first_response_hours') }} as response_hours,
        count(*) as responded_tickets,
        {{ median('first_response_hours') }} as median_response_hours
    from tickets
    where first_response_hours is not null
    group by created_month
),

mean_rows as (
    select
        {{ kpi_columns(
            95, 'first_response_time',
            numerator='coalesce(responded.response_hours, 0)',
            denominator='coalesce(responded.responded_tickets, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join responded on months.period_month = responded.period_month
),

median_rows as (
    select
        {{ kpi_columns(
            95, 'first_response_time_median',
            value='responded.median_response_hours',
            period_month='months.period_month',
        ) }}
    from months
    left join responded on months.period_month = responded.period_month
),

final as (
    select * from mean_rows
    union all
    select * from median_rows
)

select * from final
