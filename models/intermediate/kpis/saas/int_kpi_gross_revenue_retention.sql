-- Supplementary output of KPI 46: gross revenue retention, (MRR at start of M - contraction -
-- churned) / MRR at start of M = 1 - gross MRR churn rate; and its trailing twelve months
-- compounded.
{{ revenue_retention_rows(46, 'gross_revenue_retention', 'mrr_start - contraction_mrr - churned_mrr') }}
