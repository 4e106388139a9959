-- KPI 6: growth rate of ledger revenue, (revenue(M) - revenue(M-1)) / revenue(M-1); NULL for
-- the first month of the spine and after a month without revenue.
with
margin as (
    select * from {{ ref('int_gross_margin_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            6, 'revenue_growth_rate',
            numerator=growth_numerator('revenue'),
            denominator=growth_denominator('revenue'),
        ) }}
    from margin
)

select * from final
