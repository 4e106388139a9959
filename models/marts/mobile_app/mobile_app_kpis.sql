-- One row per (kpi_name, period_month, dimension, dimension_value) of the mobile_app domain.
{{ union_kpi_models([
    'int_kpi_app_store_rank',
    'int_kpi_arpu',
    'int_kpi_cost_per_install',
    'int_kpi_retention_rate',
    'int_kpi_avg_session_length',
]) }}
