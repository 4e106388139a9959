{{ config(materialized='table') }}
-- One row per month of the revenue spine: ledger revenue, cost of goods sold, gross profit and
-- gross margin from postings dated in the month (0 in months without postings).
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

postings as (
    select * from {{ ref('stg_ledger__gl_postings') }}
),

accounts as (
    select * from {{ ref('stg_ledger__gl_accounts') }}
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'postings.posted_date') }} as date) as period_month,
        sum(case when accounts.account_type = 'revenue' then postings.amount else 0 end) as revenue,
        sum(case when accounts.account_type = 'cogs' then postings.amount else 0 end) as cogs
    from postings
    inner join accounts on postings.gl_account_id = accounts.gl_account_id
    group by period_month
),

final as (
    select
        months.period_month,
        coalesce(monthly.revenue, 0) as revenue,
        coalesce(monthly.cogs, 0) as cogs,
        coalesce(monthly.revenue, 0) - coalesce(monthly.cogs, 0) as gross_profit,
        {{ safe_divide('coalesce(monthly.revenue, 0) - coalesce(monthly.cogs, 0)', 'monthly.revenue') }} as gross_margin
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
