with
source as (
    select * from {{ raw_source('crm', 'deals') }}
),

renamed as (
    select distinct
        cast(deal_id as {{ dbt.type_string() }}) as deal_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        cast(account_id as {{ dbt.type_string() }}) as customer_id,
        cast(owner_id as {{ dbt.type_string() }}) as rep_id,
        {{ to_utc('created_at') }} as created_at,
        cast(close_date as date) as closed_date,
        case lower(cast(stage as {{ dbt.type_string() }}))
            when 'closed_won' then 'won'
            when 'closed_lost' then 'lost'
            else 'open'
        end as deal_status,
        cast(amount as decimal(18, 2)) as amount,
        cast(mrr as decimal(18, 2)) as mrr
    from source
),

flagged as (
    select
        deal_id,
        lead_id,
        customer_id,
        rep_id,
        created_at,
        cast(created_at as date) as created_date,
        closed_date,
        deal_status,
        deal_status = 'won' as is_won,
        deal_status in ('won', 'lost') as is_closed,
        amount,
        mrr
    from renamed
),

final as (
    select * from flagged
)

select * from final
