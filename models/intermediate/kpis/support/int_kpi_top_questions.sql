-- KPI 97: the month's most common questions, two series. top_search_queries: dimension
-- 'search_query', dimension_value the normalised query text, value its number of searches in
-- the month; top_ticket_topics: dimension 'ticket_topic', the topic and its number of tickets
-- created in the month. Only the top var('top_questions_n') of each per month; ties broken by
-- the text in ascending order, so exactly N rows when N values occur. Each series also has an
-- 'all' row per month: the total of rankable items, i.e. non-empty searches / tickets created
-- with a topic, 0 in a quiet month, so a ranked row's share of it is meaningful. Empty queries
-- and untriaged tickets are neither ranked nor in the total.
with
months as (
    select * from {{ ref('int_support_months') }}
),

searches as (
    select * from {{ ref('stg_helpcenter__searches') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

questions as (
    select
        'top_search_queries' as series,
        'search_query' as dimension,
        cast({{ dbt.date_trunc('month', 'searched_at') }} as date) as period_month,
        normalized_query as question
    from searches
    union all
    select
        'top_ticket_topics' as series,
        'ticket_topic' as dimension,
        created_month as period_month,
        topic as question
    from tickets
),

counted as (
    select
        series,
        dimension,
        period_month,
        question,
        count(*) as question_count
    from questions
    where question is not null
    group by series, dimension, period_month, question
),

ranked as (
    select
        *,
        row_number() over (
            partition by series, period_month order by question_count desc, question asc
        ) as question_rank
    from counted
),

totals as (
    select
        series,
        period_month,
        sum(question_count) as question_count
    from counted
    group by series, period_month
),

series_list as (
    select 'top_search_queries' as series
    union all
    select 'top_ticket_topics' as series
),

overall as (
    select
        series_list.series,
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(totals.question_count, 0) as question_count
    from months
    cross join series_list
    left join totals
        on
            months.period_month = totals.period_month
            and series_list.series = totals.series
),

top_rows as (
    select
        ranked.series,
        ranked.period_month,
        ranked.dimension,
        ranked.question as dimension_value,
        ranked.question_count
    from ranked
    inner join months on ranked.period_month = months.period_month
    where ranked.question_rank <= {{ var('top_questions_n') }}
),

combined as (
    select * from overall
    union all
    select * from top_rows
),

final as (
    select
        {{ kpi_columns(
            97, 'top_search_queries',
            value='question_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from combined
    where series = 'top_search_queries'
    union all
    select
        {{ kpi_columns(
            97, 'top_ticket_topics',
            value='question_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from combined
    where series = 'top_ticket_topics'
)

select * from final
