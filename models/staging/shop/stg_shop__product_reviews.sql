with
source as (
    select * from {{ raw_source('shop', 'product_reviews') }}
),

renamed as (
    select distinct
        cast(review_id as varchar) as product_review_id,
        cast(listing_id as varchar) as listing_id,
        cast(order_id as varchar) as order_id,
        cast(buyer_id as varchar) as buyer_id,
        cast(rating as integer) as rating,
        cast(title as varchar) as title,
        {{ to_utc('created_at') }} as created_at,
        coalesce(rating >= 4, false) as is_satisfied
    from source
),

final as (
    select * from renamed
)

select * from final
