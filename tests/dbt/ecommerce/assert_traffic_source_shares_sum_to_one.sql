-- KPI 18 identity: in every month with order value, the traffic-source shares sum to 1 and
-- the per-source revenues sum to the month's total. Returns the months that break it.
with
kpis as (
    select * from {{ ref('ecommerce_kpis') }}
),

by_month as (
    select
        period_month,
        sum(case when kpi_name = 'revenue_share_by_traffic_source' and dimension = 'traffic_source' then value end)
            as share_sum,
        sum(case when kpi_name = 'revenue_by_traffic_source' and dimension = 'traffic_source' then value end)
            as source_revenue_sum,
        max(case when kpi_name = 'revenue_by_traffic_source' and dimension = 'all' then value end) as total_revenue
    from kpis
    where kpi_id = 18
    group by period_month
),

final as (
    select * from by_month
    where
        abs(source_revenue_sum - total_revenue) > 1e-6
        or (total_revenue != 0 and abs(share_sum - 1) > 1e-9)
)

select * from final
