-- KPI 36: press mentions of the brand published in the month (0 when none).
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

mentions as (
    select * from {{ ref('stg_media__press_mentions') }}
),

monthly_counts as (
    select
        cast({{ dbt.date_trunc('month', 'published_at') }} as date) as period_month,
        count(*) as mention_count
    from mentions
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            36, 'press_mentions',
            value='coalesce(monthly_counts.mention_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly_counts on months.period_month = monthly_counts.period_month
)

select * from final
