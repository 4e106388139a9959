-- One row per (kpi_name, period_month, dimension, dimension_value) of the sales domain.
{{ union_kpi_models([
    'int_kpi_activities_per_rep',
    'int_kpi_avg_follow_up_attempts',
    'int_kpi_average_deal_size',
    'int_kpi_average_sales_cycle_days',
    'int_kpi_lead_response_time',
    'int_kpi_lead_velocity_rate',
    'int_kpi_mql_to_sql_rate',
    'int_kpi_pipeline_vs_target',
    'int_kpi_sql_win_rate',
]) }}
