with
source as (
    select * from {{ raw_source('shop', 'buyers') }}
),

renamed as (
    select distinct
        cast(buyer_id as {{ dbt.type_string() }}) as buyer_id,
        {{ to_utc('registered_at') }} as registered_at,
        upper(cast(country as {{ dbt.type_string() }})) as country_code,
        cast(accepts_marketing as boolean) as accepts_marketing
    from source
),

final as (
    select * from renamed
)

select * from final
