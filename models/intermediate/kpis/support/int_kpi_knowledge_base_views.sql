-- KPI 96: help-center article views in the month, overall and by article (every article ever
-- viewed gets a row each month, 0 when not viewed).
with
months as (
    select * from {{ ref('int_support_months') }}
),

views as (
    select * from {{ ref('stg_helpcenter__article_views') }}
),

articles as (
    select distinct article_id from views
),

monthly_counts as (
    select
        cast({{ dbt.date_trunc('month', 'viewed_at') }} as date) as period_month,
        article_id,
        count(*) as view_count
    from views
    group by period_month, article_id
),

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(monthly_counts.view_count), 0) as view_count
    from months
    left join monthly_counts on months.period_month = monthly_counts.period_month
    group by months.period_month
),

by_article as (
    select
        months.period_month,
        'article' as dimension,
        articles.article_id as dimension_value,
        coalesce(monthly_counts.view_count, 0) as view_count
    from months
    cross join articles
    left join monthly_counts
        on
            months.period_month = monthly_counts.period_month
            and articles.article_id = monthly_counts.article_id
),

final as (
    select
        {{ kpi_columns(
            96, 'knowledge_base_views',
            value='view_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from (
        select * from overall
        union all
        select * from by_article
    ) as counts
)

select * from final
