-- One row per (kpi_name, period_month, dimension, dimension_value) of the marketing domain.
{{ union_kpi_models([
    'int_kpi_press_mentions',
    'int_kpi_social_mentions',
]) }}
