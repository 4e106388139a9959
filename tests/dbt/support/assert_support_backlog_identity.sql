-- The month-end backlog moves only by creations, solves and reopens: for every month after the
-- first, open(M) = open(M-1) + created(M) - solves(M) + reopens(M), counting every transition
-- in M (not only final solves). Returns the months where the identity breaks.
with
months as (
    select * from {{ ref('int_support_months') }}
),

backlog as (
    select
        period_month,
        count(*) as open_count
    from {{ ref('int_tickets_open_at_month_end') }}
    group by period_month
),

created as (
    select
        created_month as period_month,
        count(*) as created_count
    from {{ ref('fct_ticket_lifecycles') }}
    group by created_month
),

transitions as (
    select
        cast({{ dbt.date_trunc('month', 'changed_at') }} as date) as period_month,
        sum(case when is_solve then 1 else 0 end) as solve_count,
        sum(case when is_reopen then 1 else 0 end) as reopen_count
    from {{ ref('int_ticket_status_changes_classified') }}
    group by period_month
),

monthly as (
    select
        months.period_month,
        coalesce(backlog.open_count, 0) as open_count,
        lag(coalesce(backlog.open_count, 0)) over (order by months.period_month) as previous_open_count,
        coalesce(created.created_count, 0) as created_count,
        coalesce(transitions.solve_count, 0) as solve_count,
        coalesce(transitions.reopen_count, 0) as reopen_count,
        row_number() over (order by months.period_month) as month_number
    from months
    left join backlog on months.period_month = backlog.period_month
    left join created on months.period_month = created.period_month
    left join transitions on months.period_month = transitions.period_month
)

select *
from monthly
where
    month_number > 1
    and open_count != previous_open_count + created_count - solve_count + reopen_count
