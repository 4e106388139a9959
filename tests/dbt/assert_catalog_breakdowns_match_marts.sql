-- The catalogue's breakdowns of each implemented KPI are exactly the dimensions (other than
-- 'all') its mart rows carry: a breakdown listed but never produced, or produced but not
-- listed, is a row here.
with
catalog as (
    select * from {{ ref('kpi_catalog') }}
),

kpi_rows as (
    select * from {{ ref('kpis') }}
),

declared as (
    select
        kpi_id,
        {{ split_to_rows('breakdowns', '|') }} as dimension
    from catalog
    where is_implemented and coalesce(breakdowns, '') != ''
),

produced as (
    select distinct
        kpi_id,
        dimension
    from kpi_rows
    where dimension != 'all'
),

final as (
    select
        coalesce(declared.kpi_id, produced.kpi_id) as kpi_id,
        declared.dimension as declared_dimension,
        produced.dimension as produced_dimension
    from declared
    full outer join produced
        on
            declared.kpi_id = produced.kpi_id
            and declared.dimension = produced.dimension
    where declared.dimension is null or produced.dimension is null
)

select * from final
