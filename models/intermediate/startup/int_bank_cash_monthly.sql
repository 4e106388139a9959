{{ config(materialized='table') }}
-- One row per month of the revenue spine: cash in and out of the company's bank accounts
-- (transfers between its own accounts excluded), net and gross burn, the month-end balance and
-- the average net burn of the three months ending with the month (fewer early on).
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

bank_accounts as (
    select * from {{ ref('stg_bank__bank_accounts') }}
),

transactions as (
    select * from {{ ref('stg_bank__bank_transactions') }}
),

classified as (
    select
        cast({{ dbt.date_trunc('month', 'transactions.booked_date') }} as date) as period_month,
        transactions.amount,
        own_counterparty.bank_account_id is not null as is_internal_transfer
    from transactions
    left join bank_accounts as own_counterparty
        on transactions.counterparty_bank_account_id = own_counterparty.bank_account_id
),

monthly as (
    select
        period_month,
        sum(amount) as net_change,
        sum(case when not is_internal_transfer and amount > 0 then amount else 0 end) as inflows,
        sum(case when not is_internal_transfer and amount < 0 then -amount else 0 end) as outflows,
        count(case when is_internal_transfer then 1 end) as internal_transfer_rows
    from classified
    group by period_month
),

opening as (
    select
        months.period_month,
        coalesce(sum(bank_accounts.opening_balance), 0) as opening_balances
    from months
    left join bank_accounts
        on bank_accounts.opened_date <= {{ month_last_day('months.period_month') }}
    group by months.period_month
),

filled as (
    select
        months.period_month,
        coalesce(monthly.inflows, 0) as inflows,
        coalesce(monthly.outflows, 0) as outflows,
        coalesce(monthly.outflows, 0) - coalesce(monthly.inflows, 0) as net_burn,
        coalesce(monthly.outflows, 0) as gross_burn,
        coalesce(monthly.internal_transfer_rows, 0) as internal_transfer_rows,
        opening.opening_balances
        + sum(coalesce(monthly.net_change, 0)) over (
            order by months.period_month rows between unbounded preceding and current row
        ) as cash_balance_end
    from months
    inner join opening on months.period_month = opening.period_month
    left join monthly on months.period_month = monthly.period_month
),

final as (
    select
        *,
        -- a double, as DuckDB's avg of decimals is (PostgreSQL's would be a long numeric)
        avg(cast(net_burn as {{ type_double() }})) over (
            order by period_month rows between 2 preceding and current row
        ) as avg_net_burn_3m
    from filled
)

select * from final
