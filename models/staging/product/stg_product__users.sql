with
source as (
    select * from {{ source('product', 'users') }}
),

renamed as (
    select distinct
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        {{ to_utc('signed_up_at') }} as signed_up_at,
        upper(cast(country as {{ dbt.type_string() }})) as country
    from source
),

final as (
    select * from renamed
)

select * from final
