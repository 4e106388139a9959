with
source as (
    select * from {{ raw_source('ads', 'ad_performance') }}
),

renamed as (
    select distinct
        cast(report_date as date) as report_date,
        lower(cast(channel as {{ dbt.type_string() }})) as channel,
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(campaign_name as {{ dbt.type_string() }}) as campaign_name,
        cast(impressions as bigint) as impressions,
        cast(clicks as bigint) as clicks,
        cast(spend as decimal(18, 2)) as spend,
        cast(is_paid as boolean) as is_paid
    from source
),

final as (
    select
        *,
        clicks <= impressions as is_valid
    from renamed
)

select * from final
