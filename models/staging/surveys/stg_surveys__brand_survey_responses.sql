with
source as (
    select * from {{ source('surveys', 'brand_survey_responses') }}
),

renamed as (
    select distinct
        cast(response_id as {{ dbt.type_string() }}) as response_id,
        cast(respondent_id as {{ dbt.type_string() }}) as respondent_id,
        {{ to_utc('responded_at') }} as responded_at,
        cast(recalled_brand as boolean) as has_recalled_brand,
        cast(identified_brand as boolean) as has_identified_brand
    from source
),

final as (
    select
        *,
        (has_recalled_brand is not null or has_identified_brand is not null) as is_valid
    from renamed
)

select * from final
