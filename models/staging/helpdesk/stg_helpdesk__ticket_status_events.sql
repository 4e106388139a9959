{{ config(meta={'quarantine_key': 'ticket_status_event_id'}) }}

with
source as (
    select * from {{ raw_source('helpdesk', 'ticket_status_events') }}
),

tickets as (
    select * from {{ ref('stg_helpdesk__tickets') }}
),

renamed as (
    select distinct
        cast(event_id as {{ dbt.type_string() }}) as ticket_status_event_id,
        cast(ticket_id as {{ dbt.type_string() }}) as ticket_id,
        lower(cast(status as {{ dbt.type_string() }})) as status,
        cast(tier as integer) as tier,
        {{ to_utc('changed_at') }} as changed_at
    from source
),

checked as (
    select
        renamed.*,
        renamed.status in ('solved', 'closed') as is_solved_status,
        {{ quarantine_rule([
            ['timestamp_out_of_range', outside_plausible_range(['renamed.changed_at'])],
            ['event_before_created', 'renamed.changed_at < tickets.created_at'],
        ]) }} as quarantine_rule
    from renamed
    left join tickets
        on renamed.ticket_id = tickets.ticket_id
),

final as (
    {{ select_passed_quarantine('checked') }}
)

select * from final
