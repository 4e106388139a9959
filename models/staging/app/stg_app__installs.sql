with
source as (
    select * from {{ source('app', 'installs') }}
),

renamed as (
    select distinct
        cast(install_id as {{ dbt.type_string() }}) as install_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(device_id as {{ dbt.type_string() }}) as device_id,
        {{ to_utc('installed_at') }} as installed_at,
        lower(cast(channel as {{ dbt.type_string() }})) as channel,
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        cast(is_paid as boolean) as is_paid
    from source
),

final as (
    select * from renamed
)

select * from final
