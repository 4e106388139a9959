-- KPI 98: up-votes over all (up + down) votes cast on help-center articles in the month,
-- overall and by article. Every article ever voted on gets a row each month; a month
-- without votes on it is NULL (0 / 0), an article with only down-votes is 0.
with
months as (
    select * from {{ ref('int_support_months') }}
),

votes as (
    select * from {{ ref('stg_helpcenter__article_votes') }}
),

articles as (
    select distinct article_id from votes
),

monthly_votes as (
    select
        cast({{ dbt.date_trunc('month', 'voted_at') }} as date) as period_month,
        article_id,
        sum(case when is_upvote then 1 else 0 end) as upvotes,
        count(*) as votes
    from votes
    group by period_month, article_id
),

counts as (
    {{ breakdown_with_total('months', 'articles', 'monthly_votes', 'article_id', 'article', ['upvotes', 'votes']) }}
),

final as (
    select
        {{ kpi_columns(
            98, 'article_upvote_pct',
            numerator='upvotes',
            denominator='votes',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
