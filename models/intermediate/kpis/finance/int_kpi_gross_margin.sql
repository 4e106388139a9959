-- KPI 23: (ledger revenue - cost of goods sold) / ledger revenue of M; NULL without revenue.
with
margin as (
    select * from {{ ref('int_gross_margin_monthly') }}
),

final as (
    select
        {{ kpi_columns(
            23, 'gross_margin',
            numerator='gross_profit',
            denominator='revenue',
        ) }}
    from margin
)

select * from final
