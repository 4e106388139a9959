with
source as (
    select * from {{ source('helpcenter', 'searches') }}
),

renamed as (
    select distinct
        cast(search_id as {{ dbt.type_string() }}) as search_id,
        cast(query as {{ dbt.type_string() }}) as query_text,
        cast(searcher_id as {{ dbt.type_string() }}) as searcher_id,
        {{ to_utc('searched_at') }} as searched_at
    from source
),

final as (
    select
        *,
        nullif({{ collapse_whitespace('lower(trim(query_text))') }}, '') as normalized_query,
        nullif(trim(query_text), '') is not null as is_valid
    from renamed
)

select * from final
