{{ config(enabled=adapter_enabled('ads', 'google_ads')) }}

-- Google Ads daily campaign stats -> raw contract ads.ad_performance: one row per day and
-- campaign (summed over the network and device segments), cost micros -> currency units, the
-- campaign's channel type mapped to our channel vocabulary (var google_ads_channels overrides).
{% set default_channels = {
    'SEARCH': 'paid_search', 'SHOPPING': 'paid_search', 'PERFORMANCE_MAX': 'paid_search',
    'SMART': 'paid_search', 'HOTEL': 'paid_search', 'LOCAL': 'paid_search',
    'DISPLAY': 'display', 'VIDEO': 'paid_social', 'DEMAND_GEN': 'paid_social', 'DISCOVERY': 'paid_social'
} %}
{% set channels = dict(default_channels, **(var('google_ads_channels', {}) or {})) %}
with
channel_map as (
    select
        channel_types.advertising_channel_type,
        channel_types.channel
    from (
        values
        {%- for channel_type, channel in channels.items() %}
            ('{{ channel_type | upper }}', '{{ channel }}'){{ ',' if not loop.last }}
        {%- endfor %}
    ) as channel_types (advertising_channel_type, channel)
),

ranked_campaigns as (
    select
        id as campaign_id,
        name as campaign_name,
        upper(advertising_channel_type) as advertising_channel_type,
        row_number() over (partition by id order by updated_at desc) as version_rank
    from {{ source('google_ads', 'campaign_history') }}
),

latest_campaigns as (
    select
        campaign_id,
        campaign_name,
        advertising_channel_type
    from ranked_campaigns
    where version_rank = 1
),

daily_stats as (
    select
        date as report_date,
        id as campaign_id,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(cost_micros) as cost_micros
    from {{ source('google_ads', 'campaign_stats') }}
    group by date, id
),

final as (
    select
        cast(daily_stats.report_date as date) as report_date,
        -- unknown channel types stay visible (staging's accepted_values flags them)
        coalesce(
            channel_map.channel, lower(coalesce(latest_campaigns.advertising_channel_type, 'unknown_google_ads'))
        ) as channel,
        cast(daily_stats.campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(latest_campaigns.campaign_name as {{ dbt.type_string() }}) as campaign_name,
        cast(daily_stats.impressions as bigint) as impressions,
        cast(daily_stats.clicks as bigint) as clicks,
        cast(daily_stats.cost_micros / 1000000.0 as decimal(18, 2)) as spend,
        true as is_paid
    from daily_stats
    left join latest_campaigns
        on daily_stats.campaign_id = latest_campaigns.campaign_id
    left join channel_map
        on latest_campaigns.advertising_channel_type = channel_map.advertising_channel_type
)

select * from final
