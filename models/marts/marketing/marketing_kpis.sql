-- One row per (kpi_name, period_month, dimension, dimension_value) of the marketing domain.
{{ union_kpi_models([
    'int_kpi_ad_click_through_rate',
    'int_kpi_ad_revenue',
    'int_kpi_bounce_rate',
    'int_kpi_brand_recall_rate',
    'int_kpi_branded_search_traffic',
    'int_kpi_net_promoter_score',
    'int_kpi_pages_per_session',
    'int_kpi_new_user_pct',
    'int_kpi_press_mentions',
    'int_kpi_social_mentions',
    'int_kpi_website_conversion_rate',
    'int_kpi_website_traffic_growth',
    'int_kpi_viral_coefficient',
    'int_kpi_cost_per_acquisition',
    'int_kpi_ltv_cac_ratio',
    'int_kpi_marketing_roi',
]) }}
