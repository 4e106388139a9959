-- A row is company-wide (dimension 'all') exactly when its dimension_value is 'all'.
select
    domain,
    kpi_name,
    period_month,
    dimension,
    dimension_value
from {{ ref('kpis') }}
where (dimension = 'all') != (dimension_value = 'all')
