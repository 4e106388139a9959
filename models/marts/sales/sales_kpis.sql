-- One row per (kpi_name, period_month, dimension, dimension_value) of the sales domain.
{{ union_kpi_models([
]) }}
