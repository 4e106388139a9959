-- KPI 21: supplier bills received on or before the last day of M and not paid by then (a bill
-- paid on the last day is settled): their amount, their count and the share of the amount on
-- recurring bills.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

bills as (
    select * from {{ ref('stg_accounting__supplier_bills') }}
),

open_bills as (
    select
        months.period_month,
        coalesce(sum(bills.amount), 0) as open_amount,
        count(bills.supplier_bill_id) as open_bills,
        coalesce(sum(case when bills.is_recurring then bills.amount else 0 end), 0) as recurring_amount
    from months
    left join bills
        on
            bills.received_date <= {{ month_last_day('months.period_month') }}
            and (bills.paid_date is null or bills.paid_date > {{ month_last_day('months.period_month') }})
    group by months.period_month
),

final as (
    select {{ kpi_columns(21, 'accounts_payable', value='open_amount') }}
    from open_bills
    union all
    select {{ kpi_columns(21, 'accounts_payable_bills', value='open_bills') }}
    from open_bills
    union all
    select
        {{ kpi_columns(
            21, 'accounts_payable_recurring_share',
            numerator='recurring_amount',
            denominator='open_amount',
        ) }}
    from open_bills
)

select * from final
