{{ config(enabled=adapter_enabled('ads', 'google_ads')) }}

-- Google Ads is the buy side: it has no revenue from ads shown on our own site (that is AdSense /
-- Ad Manager). The contract table is presented empty and typed, so the ad revenue KPI reports
-- no months instead of failing.
select
    cast(null as date) as report_date,
    cast(null as {{ dbt.type_string() }}) as ad_network,
    cast(null as bigint) as ad_impressions,
    cast(null as decimal(18, 2)) as revenue
where false
