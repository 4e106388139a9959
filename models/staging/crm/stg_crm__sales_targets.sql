with
source as (
    select * from {{ raw_source('crm', 'sales_targets') }}
),

renamed as (
    select distinct
        cast({{ dbt.date_trunc('month', 'target_month') }} as date) as target_month,
        cast(rep_id as {{ dbt.type_string() }}) as rep_id,
        cast(mrr_quota as decimal(18, 2)) as mrr_quota,
        cast(pipeline_target_count as integer) as pipeline_target_count
    from source
),

final as (
    select * from renamed
)

select * from final
