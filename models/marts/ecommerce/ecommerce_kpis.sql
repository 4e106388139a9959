-- One row per (kpi_name, period_month, dimension, dimension_value) of the ecommerce domain.
{{ union_kpi_models([
    'int_kpi_average_order_value',
    'int_kpi_listing_conversion_rate',
    'int_kpi_new_buyer_growth_rate',
    'int_kpi_new_seller_growth_rate',
    'int_kpi_active_listing_pct',
    'int_kpi_active_seller_pct',
    'int_kpi_engaged_buyer_pct',
    'int_kpi_satisfied_transaction_pct',
    'int_kpi_purchase_frequency',
    'int_kpi_repeat_customer_rate',
    'int_kpi_revenue_by_traffic_source',
    'int_kpi_cart_abandonment_rate',
    'int_kpi_customer_acquisition_cost',
    'int_kpi_time_to_purchase',
]) }}
