with
source as (
    select * from {{ raw_source('ads', 'site_ad_revenue') }}
),

renamed as (
    select distinct
        cast(report_date as date) as report_date,
        lower(cast(ad_network as {{ dbt.type_string() }})) as ad_network,
        cast(ad_impressions as bigint) as ad_impressions,
        cast(revenue as decimal(18, 2)) as revenue
    from source
),

final as (
    select * from renamed
)

select * from final
