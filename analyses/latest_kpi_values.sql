-- The latest month's company-wide value of every implemented KPI output, with its label and
-- unit: a quick read of the marts.  dbt compile -s latest_kpi_values, then run the SQL.
with
kpi_rows as (
    select * from {{ ref('kpis') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

latest_month as (
    select
        kpi_name,
        max(period_month) as period_month
    from kpi_rows
    where dimension = 'all'
    group by kpi_name
),

final as (
    select
        kpi_rows.kpi_id,
        catalog.label,
        kpi_rows.kpi_name,
        kpi_rows.period_month,
        kpi_rows.value,
        catalog.unit
    from kpi_rows
    inner join latest_month
        on
            kpi_rows.kpi_name = latest_month.kpi_name
            and kpi_rows.period_month = latest_month.period_month
    inner join catalog on kpi_rows.kpi_id = catalog.kpi_id
    where kpi_rows.dimension = 'all'
    order by kpi_rows.kpi_id, kpi_rows.kpi_name
)

select * from final
