-- One row per declared output series, with its KPI's definition and its aggregation rule:
-- what the semantic layer and the report read to know how to label and roll up a series.
with
outputs as (
    select * from {{ ref('kpi_outputs') }}
),

aggregations as (
    select * from {{ ref('kpi_output_aggregations') }}
),

catalog as (
    select * from {{ ref('kpi_catalog') }}
),

produced as (
    select distinct kpi_name from {{ ref('kpis') }}
),

final as (
    select
        outputs.kpi_name,
        outputs.kpi_id,
        catalog.kpi_name as kpi_spec_name,
        catalog.domain,
        catalog.label,
        outputs.description,
        catalog.formula,
        outputs.unit,
        catalog.higher_is_better,
        cast(outputs.is_primary as boolean) as is_primary,
        catalog.is_cohort,
        aggregations.aggregation,
        aggregations.dimensions,
        aggregations.description as aggregation_description,
        produced.kpi_name is not null as is_implemented
    from outputs
    inner join catalog on outputs.kpi_id = catalog.kpi_id
    left join aggregations on outputs.kpi_name = aggregations.kpi_name
    left join produced on outputs.kpi_name = produced.kpi_name
)

select * from final
