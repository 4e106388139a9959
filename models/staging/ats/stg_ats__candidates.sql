with
source as (
    select * from {{ source('ats', 'candidates') }}
),

renamed as (
    select distinct
        cast(candidate_id as {{ dbt.type_string() }}) as candidate_id,
        lower(cast(source as {{ dbt.type_string() }})) as candidate_source,
        cast(is_passive as boolean) as is_passive,
        {{ to_utc('first_engaged_at') }} as first_engaged_at
    from source
),

final as (
    select * from renamed
)

select * from final
