with
source as (
    select * from {{ raw_source('shop', 'buyers') }}
),

renamed as (
    select distinct
        cast(buyer_id as varchar) as buyer_id,
        {{ to_utc('registered_at') }} as registered_at,
        upper(cast(country as varchar)) as country_code,
        cast(accepts_marketing as boolean) as accepts_marketing
    from source
),

final as (
    select * from renamed
)

select * from final
