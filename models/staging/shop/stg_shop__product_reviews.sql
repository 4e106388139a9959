with
source as (
    select * from {{ raw_source('shop', 'product_reviews') }}
),

renamed as (
    select distinct
        cast(review_id as {{ dbt.type_string() }}) as product_review_id,
        cast(listing_id as {{ dbt.type_string() }}) as listing_id,
        cast(order_id as {{ dbt.type_string() }}) as order_id,
        cast(buyer_id as {{ dbt.type_string() }}) as buyer_id,
        cast(rating as integer) as rating,
        cast(title as {{ dbt.type_string() }}) as title,
        {{ to_utc('created_at') }} as created_at,
        coalesce(rating >= 4, false) as is_satisfied
    from source
),

final as (
    select * from renamed
)

select * from final
