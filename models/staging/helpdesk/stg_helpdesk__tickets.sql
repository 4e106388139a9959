{{ config(materialized='table', meta={'quarantine_key': 'ticket_id'}) }}

with
source as (
    select * from {{ raw_source('helpdesk', 'tickets') }}
),

renamed as (
    select distinct
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        cast(requester_id as {{ dbt.type_string() }}) as requester_id,
        lower(cast(channel as {{ dbt.type_string() }})) as channel,
        nullif(lower(trim(cast(topic as {{ dbt.type_string() }}))), '') as topic,
        {{ to_utc('created_at') }} as created_at,
        lower(cast(created_by_role as {{ dbt.type_string() }})) as created_by_role,
        cast(created_by_id as {{ dbt.type_string() }}) as created_by_id
    from source
),

checked as (
    select
        *,
        created_by_role = 'customer' as is_customer_created,
        {{ quarantine_rule([
            ['timestamp_out_of_range', outside_plausible_range(['created_at'])],
        ]) }} as quarantine_rule
    from renamed
),

final as (
    {{ select_passed_quarantine('checked') }}
)

select * from final
