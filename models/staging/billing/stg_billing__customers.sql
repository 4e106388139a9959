with
source as (
    select * from {{ raw_source('billing', 'customers') }}
),

renamed as (
    select distinct
        cast(customer_id as varchar) as customer_id,
        {{ to_utc('created_at') }} as created_at,
        upper(cast(country as varchar)) as country
    from source
),

final as (
    select * from renamed
)

select * from final
