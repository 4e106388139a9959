-- One row per (kpi_name, period_month, dimension, dimension_value) of the finance domain.
{{ union_kpi_models([
    'int_kpi_accounts_payable',
    'int_kpi_accounts_receivable',
    'int_kpi_gross_margin',
    'int_kpi_quick_ratio',
]) }}
