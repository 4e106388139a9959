-- KPI 22: customer invoices issued on or before the last day of M and not paid by then: their
-- amount, their count and the part past due (due date before the last day of M).
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

invoices as (
    select * from {{ ref('stg_accounting__customer_invoices') }}
),

open_invoices as (
    select
        months.period_month,
        coalesce(sum(invoices.amount), 0) as open_amount,
        count(invoices.customer_invoice_id) as open_invoices,
        coalesce(sum(
            case when invoices.due_date < {{ month_last_day('months.period_month') }} then invoices.amount else 0 end
        ), 0) as past_due_amount
    from months
    left join invoices
        on
            invoices.issued_date <= {{ month_last_day('months.period_month') }}
            and (invoices.paid_date is null or invoices.paid_date > {{ month_last_day('months.period_month') }})
    group by months.period_month
),

final as (
    select {{ kpi_columns(22, 'accounts_receivable', value='open_amount') }}
    from open_invoices
    union all
    select {{ kpi_columns(22, 'accounts_receivable_invoices', value='open_invoices') }}
    from open_invoices
    union all
    select {{ kpi_columns(22, 'accounts_receivable_past_due', value='past_due_amount') }}
    from open_invoices
)

select * from final
