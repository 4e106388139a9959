-- KPI 96: help-center article views in the month, overall and by article (every article ever
-- viewed gets a row each month, 0 when not viewed).
with
months as (
    select * from {{ ref('int_support_months') }}
),

views as (
    select * from {{ ref('stg_helpcenter__article_views') }}
),

monthly_counts as (
    select
        cast({{ dbt.date_trunc('month', 'viewed_at') }} as date) as period_month,
        article_id,
        count(*) as view_count
    from views
    group by period_month, article_id
),

-- from the monthly counts, which hold every viewed article: one scan of the views, not two
articles as (
    select distinct article_id from monthly_counts
),

counts as (
    {{ breakdown_with_total('months', 'articles', 'monthly_counts', 'article_id', 'article', ['view_count']) }}
),

final as (
    select
        {{ kpi_columns(
            96, 'knowledge_base_views',
            value='view_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
