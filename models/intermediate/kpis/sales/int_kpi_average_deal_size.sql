-- KPI 53: mean amount of the deals closed won in the month (won deals without an amount are
-- left out of both sums); lost and open deals never count.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

won_deals as (
    select * from {{ ref('int_deals_enriched') }}
    where is_won and amount is not null
),

monthly as (
    select
        closed_month,
        sum(amount) as won_amount,
        count(*) as won_deals
    from won_deals
    group by closed_month
),

final as (
    select
        {{ kpi_columns(
            53, 'average_deal_size',
            numerator='coalesce(monthly.won_amount, 0)',
            denominator='coalesce(monthly.won_deals, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.closed_month
)

select * from final
