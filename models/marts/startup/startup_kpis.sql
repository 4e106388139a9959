-- One row per (kpi_name, period_month, dimension, dimension_value) of the startup domain.
{{ union_kpi_models([
    'int_kpi_activation_rate',
    'int_kpi_burn_rate',
    'int_kpi_cash_runway_months',
    'int_kpi_customer_churn_rate',
    'int_kpi_dau_mau_ratio',
    'int_kpi_revenue_growth_rate',
]) }}
