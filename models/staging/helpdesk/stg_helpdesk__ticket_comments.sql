with
source as (
    select * from {{ raw_source('helpdesk', 'ticket_comments') }}
),

renamed as (
    select distinct
        cast(comment_id as {{ dbt.type_string() }}) as comment_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        lower(cast(author_role as {{ dbt.type_string() }})) as author_role,
        cast(author_id as {{ dbt.type_string() }}) as author_id,
        cast(is_public as boolean) as is_public,
        {{ to_utc('created_at') }} as created_at
    from source
),

final as (
    select
        *,
        (author_role = 'agent' and is_public) as is_agent_touch,
        author_role = 'customer' as is_customer_message
    from renamed
)

select * from final
