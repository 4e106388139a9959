-- KPI 3: month-end cash balance / average net burn of the three months ending with M (fewer
-- at the start of the history); NULL when that average is <= 0. The balance is output too.
with
cash as (
    select * from {{ ref('int_bank_cash_monthly') }}
),

runway as (
    select
        {{ kpi_columns(
            3, 'cash_runway_months',
            value='case when avg_net_burn_3m > 0 then cash_balance_end / avg_net_burn_3m end',
        ) }}
    from cash
),

balance as (
    select {{ kpi_columns(3, 'cash_balance', value='cash_balance_end') }}
    from cash
),

final as (
    select * from runway
    union all
    select * from balance
)

select * from final
