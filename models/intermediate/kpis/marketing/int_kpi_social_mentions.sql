-- KPI 37: social-media mentions of the brand posted in the month, overall and by platform
-- (every platform ever seen gets a row each month, 0 when silent).
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

mentions as (
    select * from {{ ref('stg_media__social_mentions') }}
),

platforms as (
    select distinct platform from mentions
),

monthly_counts as (
    select
        cast({{ dbt.date_trunc('month', 'posted_at') }} as date) as period_month,
        platform,
        count(*) as mention_count
    from mentions
    group by period_month, platform
),

by_platform as (
    select
        months.period_month,
        'platform' as dimension,
        platforms.platform as dimension_value,
        coalesce(monthly_counts.mention_count, 0) as mention_count
    from months
    cross join platforms
    left join monthly_counts
        on
            months.period_month = monthly_counts.period_month
            and platforms.platform = monthly_counts.platform
),

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(monthly_counts.mention_count), 0) as mention_count
    from months
    left join monthly_counts on months.period_month = monthly_counts.period_month
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(
            37, 'social_mentions',
            value='mention_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from (
        select * from overall
        union all
        select * from by_platform
    ) as counts
)

select * from final
