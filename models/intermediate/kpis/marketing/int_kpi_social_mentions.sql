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

counts as (
    {{ breakdown_with_total('months', 'platforms', 'monthly_counts', 'platform', 'platform', ['mention_count']) }}
),

final as (
    select
        {{ kpi_columns(
            37, 'social_mentions',
            value='mention_count',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
