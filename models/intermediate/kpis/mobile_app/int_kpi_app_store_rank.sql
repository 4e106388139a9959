-- KPI 60: per chart (store, country, category) and month, the best (minimum) daily rank, the
-- mean daily rank over the ranked days and the rank on the last ranked day of the month.
-- Days without a ranking row (not ranked, or report missing) are not counted; a chart with no
-- ranked day in a month gets NULL values. Breakdown encoded as dimension
-- 'store_country_category' with value '<store>|<COUNTRY>|<category>' (e.g. 'app_store|US|games').
with
months as (
    select * from {{ ref('int_app_months') }}
),

rankings as (
    select
        store || '|' || country || '|' || category as chart,
        cast({{ dbt.date_trunc('month', 'ranking_date') }} as date) as ranking_month,
        ranking_date,
        chart_rank
    from {{ ref('stg_app__store_rankings') }}
),

charts as (
    select distinct chart from rankings
),

ordered as (
    select
        *,
        row_number() over (partition by chart, ranking_month order by ranking_date desc) as days_from_last
    from rankings
),

monthly as (
    select
        chart,
        ranking_month,
        min(chart_rank) as best_rank,
        sum(chart_rank) as rank_sum,
        count(*) as ranked_days,
        max(case when days_from_last = 1 then chart_rank end) as last_rank
    from ordered
    group by chart, ranking_month
),

joined as (
    select
        months.period_month,
        'store_country_category' as dimension,
        charts.chart as dimension_value,
        monthly.best_rank,
        coalesce(monthly.rank_sum, 0) as rank_sum,
        coalesce(monthly.ranked_days, 0) as ranked_days,
        monthly.last_rank
    from months
    cross join charts
    left join monthly
        on
            months.period_month = monthly.ranking_month
            and charts.chart = monthly.chart
),

final as (
    select
        {{ kpi_columns(
            60, 'app_store_rank', value='best_rank', dimension='dimension', dimension_value='dimension_value'
        ) }}
    from joined
    union all
    select
        {{ kpi_columns(
            60, 'app_store_rank_mean',
            numerator='rank_sum',
            denominator='ranked_days',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from joined
    union all
    select
        {{ kpi_columns(
            60, 'app_store_rank_last', value='last_rank', dimension='dimension', dimension_value='dimension_value'
        ) }}
    from joined
)

select * from final
