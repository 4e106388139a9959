-- One row per KPI of the spec (101). is_implemented and produced_kpi_names come from the
-- marts themselves, so the catalogue cannot claim a KPI that no mart produces.
with
definitions as (
    select * from {{ ref('kpi_definitions') }}
),

outputs as (
    select * from {{ ref('kpi_outputs') }}
),

supplementary as (
    select * from {{ ref('kpi_supplementary_outputs') }}
),

kpi_rows as (
    select * from {{ ref('kpis') }}
),

produced as (
    select
        kpi_id,
        {{ kpi101.ordered_string_agg('kpi_name', '|', distinct=true) }} as produced_kpi_names,
        count(*) as mart_rows,
        min(period_month) as first_period_month,
        max(period_month) as last_period_month
    from kpi_rows
    group by kpi_id
),

declared as (
    select
        kpi_id,
        {{ kpi101.ordered_string_agg('kpi_name', '|') }} as declared_kpi_names
    from outputs
    group by kpi_id
),

supplementary_per_kpi as (
    select
        kpi_id,
        {{ kpi101.ordered_string_agg('output_name', '|') }} as supplementary_output_names
    from supplementary
    where output_kind = 'kpi_output'
    group by kpi_id
),

final as (
    select
        definitions.kpi_id,
        definitions.kpi_name,
        definitions.domain,
        definitions.label,
        definitions.description,
        definitions.formula,
        definitions.unit,
        cast(definitions.higher_is_better as boolean) as higher_is_better,
        definitions.breakdowns,
        definitions.source_tables,
        cast(definitions.is_cohort as boolean) as is_cohort,
        cast(definitions.is_breakdown_additive as boolean) as is_breakdown_additive,
        declared.declared_kpi_names,
        supplementary_per_kpi.supplementary_output_names,
        produced.produced_kpi_names,
        coalesce(produced.mart_rows, 0) as mart_rows,
        produced.first_period_month,
        produced.last_period_month,
        produced.kpi_id is not null as is_implemented
    from definitions
    left join declared on definitions.kpi_id = declared.kpi_id
    left join produced on definitions.kpi_id = produced.kpi_id
    left join supplementary_per_kpi on definitions.kpi_id = supplementary_per_kpi.kpi_id
)

select * from final
