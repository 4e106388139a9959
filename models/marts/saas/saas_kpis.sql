-- One row per (kpi_name, period_month, dimension, dimension_value) of the saas domain.
{{ union_kpi_models([
    'int_kpi_arpa',
    'int_kpi_onboarding_completion_rate',
    'int_kpi_customer_lifetime_value',
    'int_kpi_mrr_expansion_rate',
    'int_kpi_gross_mrr_churn_rate',
    'int_kpi_net_mrr_churn_rate',
    'int_kpi_net_revenue_retention',
    'int_kpi_gross_revenue_retention',
    'int_kpi_net_mrr_growth_rate',
    'int_kpi_free_to_paid_conversion_rate',
    'int_kpi_mrr_closed_vs_quota',
    'int_kpi_cac_payback_months',
]) }}
