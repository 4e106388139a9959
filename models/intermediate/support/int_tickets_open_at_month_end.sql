{{ config(materialized='table') }}
-- One row per (month, ticket) for every ticket created by the end of the month and not solved
-- at its last instant: the month-end backlog. A ticket is unsolved from creation until its
-- first change into solved/closed, and again from each reopen until the next solve; a month
-- end falls in at most one of these half-open intervals [from, to).
with
months as (
    select
        period_month,
        cast({{ dbt.dateadd('month', 1, 'period_month') }} as timestamp) as next_month_start_at
    from {{ ref('int_support_months') }}
),

tickets as (
    select * from {{ ref('stg_helpdesk__tickets') }}
),

changes as (
    select * from {{ ref('int_ticket_status_changes_classified') }}
),

first_changes as (
    select
        ticket_id,
        min(changed_at) as first_changed_at
    from changes
    group by ticket_id
),

unsolved_intervals as (
    -- before the first recorded change the ticket is new (unsolved)
    select
        tickets.ticket_id,
        tickets.created_at as unsolved_from_at,
        first_changes.first_changed_at as unsolved_to_at
    from tickets
    left join first_changes on tickets.ticket_id = first_changes.ticket_id
    union all
    select
        ticket_id,
        changed_at as unsolved_from_at,
        valid_to_at as unsolved_to_at
    from changes
    where not is_solved_status
),

reaching_a_month_end as (
    -- an interval covers a month end only if it lasts at least to the end of its first month;
    -- most close earlier, and leaving them out before the range join below keeps that join small
    select *
    from unsolved_intervals
    where
        unsolved_to_at is null
        or unsolved_to_at >= cast(
            {{ dbt.dateadd('month', 1, dbt.date_trunc('month', 'unsolved_from_at')) }} as timestamp
        )
),

final as (
    select distinct
        months.period_month,
        reaching_a_month_end.ticket_id
    from reaching_a_month_end
    inner join months
        on
            reaching_a_month_end.unsolved_from_at < months.next_month_start_at
            and (
                reaching_a_month_end.unsolved_to_at is null
                or reaching_a_month_end.unsolved_to_at >= months.next_month_start_at
            )
)

select * from final
