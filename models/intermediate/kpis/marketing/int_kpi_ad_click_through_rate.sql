-- KPI 25: ad clicks / ad impressions in the month, overall and by channel. Every channel ever
-- seen gets a row each month; no impressions gives NULL. Rows with more clicks than
-- impressions (is_valid = false) are left out of both sides by int_marketing_spend_daily.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

spend_daily as (
    select * from {{ ref('int_marketing_spend_daily') }}
),

channels as (
    select distinct channel from spend_daily
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'spend_date') }} as date) as period_month,
        channel,
        sum(clicks) as clicks,
        sum(impressions) as impressions
    from spend_daily
    group by period_month, channel
),

counts as (
    {{ breakdown_with_total('months', 'channels', 'monthly', 'channel', 'channel', ['clicks', 'impressions']) }}
),

final as (
    select
        {{ kpi_columns(
            25, 'ad_click_through_rate',
            numerator='clicks',
            denominator='impressions',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
