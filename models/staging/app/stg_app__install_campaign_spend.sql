with
source as (
    select * from {{ source('app', 'install_campaign_spend') }}
),

renamed as (
    select distinct
        cast(spend_date as date) as spend_date,
        lower(cast(channel as {{ dbt.type_string() }})) as channel,
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(spend as decimal(18, 2)) as spend
    from source
),

final as (
    select * from renamed
)

select * from final
