-- An implemented KPI produces exactly the output series kpi_outputs declares for it.
select
    kpi_id,
    kpi_name,
    declared_kpi_names,
    produced_kpi_names
from {{ ref('kpi_catalog') }}
where is_implemented and declared_kpi_names is distinct from produced_kpi_names
