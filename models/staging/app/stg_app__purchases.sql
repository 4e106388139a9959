with
source as (
    select * from {{ source('app', 'purchases') }}
),

renamed as (
    select distinct
        cast(purchase_id as {{ dbt.type_string() }}) as purchase_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        {{ to_utc('purchased_at') }} as purchased_at,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(amount as decimal(18, 2)) as amount,
        cast(is_refunded as boolean) as is_refunded
    from source
),

final as (
    select * from renamed
)

select * from final
