with
source as (
    select * from {{ source('app', 'store_rankings') }}
),

renamed as (
    select distinct
        cast(ranking_date as date) as ranking_date,
        lower(cast(store as {{ dbt.type_string() }})) as store,
        upper(cast(country as {{ dbt.type_string() }})) as country,
        lower(cast(category as {{ dbt.type_string() }})) as category,
        cast(rank as integer) as chart_rank
    from source
),

final as (
    select * from renamed
)

select * from final
