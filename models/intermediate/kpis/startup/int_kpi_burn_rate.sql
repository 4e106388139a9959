-- KPI 2: net burn (outflows - inflows, transfers between the company's own accounts excluded)
-- and gross burn (outflows as a positive amount) of the month.
with
cash as (
    select * from {{ ref('int_bank_cash_monthly') }}
),

net_burn as (
    select {{ kpi_columns(2, 'burn_rate', value='net_burn') }}
    from cash
),

gross_burn as (
    select {{ kpi_columns(2, 'gross_burn', value='gross_burn') }}
    from cash
),

final as (
    select * from net_burn
    union all
    select * from gross_burn
)

select * from final
