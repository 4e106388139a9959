-- KPI 56: month-on-month growth of leads reaching MQL in the month; NULL in the first month
-- of the spine and after a month with no MQLs.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

monthly as (
    select
        mql_month,
        count(*) as mqls
    from {{ ref('int_leads_enriched') }}
    where mql_month is not null
    group by mql_month
),

spine as (
    select
        months.period_month,
        coalesce(monthly.mqls, 0) as mqls
    from months
    left join monthly on months.period_month = monthly.mql_month
),

growth as (
    select
        period_month,
        {{ growth_numerator('mqls') }} as mql_change,
        {{ growth_denominator('mqls') }} as previous_mqls
    from spine
),

final as (
    select {{ kpi_columns(56, 'lead_velocity_rate', numerator='mql_change', denominator='previous_mqls') }}
    from growth
)

select * from final
