with
source as (
    select * from {{ raw_source('shop', 'searches') }}
),

renamed as (
    select distinct
        cast(search_id as {{ dbt.type_string() }}) as search_id,
        cast(buyer_id as {{ dbt.type_string() }}) as buyer_id,
        cast(query as {{ dbt.type_string() }}) as search_query,
        cast(results_count as integer) as results_count,
        {{ to_utc('searched_at') }} as searched_at,
        buyer_id is null as is_anonymous
    from source
),

final as (
    select * from renamed
)

select * from final
