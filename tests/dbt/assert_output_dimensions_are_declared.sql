-- Every (kpi_name, dimension) the marts publish is declared in kpi_output_aggregations, so the
-- semantic layer generated from that seed has a metric for every breakdown the marts carry.
with
published as (
    select distinct
        kpi_name,
        dimension
    from {{ ref('kpis') }}
),

declared as (
    select * from {{ ref('kpi_output_aggregations') }}
)

select published.*
from published
left join declared
    on
        published.kpi_name = declared.kpi_name
        and '|' || declared.dimensions || '|' like '%|' || published.dimension || '|%'
where declared.kpi_name is null
