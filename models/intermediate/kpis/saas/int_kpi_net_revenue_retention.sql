-- Supplementary output of KPI 48: net revenue retention, (MRR at start of M + expansion -
-- contraction - churned) / MRR at start of M = 1 - net MRR churn rate; and its trailing
-- twelve months compounded.
{{ revenue_retention_rows(48, 'net_revenue_retention', 'mrr_start + expansion_mrr - contraction_mrr - churned_mrr') }}
