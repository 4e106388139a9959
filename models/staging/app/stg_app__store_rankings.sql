with
source as (
    select * from {{ source('app', 'store_rankings') }}
),

renamed as (
    select distinct
        cast(ranking_date as date) as ranking_date,
        lower(cast(store as varchar)) as store,
        upper(cast(country as varchar)) as country,
        lower(cast(category as varchar)) as category,
        cast(rank as integer) as chart_rank
    from source
),

final as (
    select * from renamed
)

select * from final
