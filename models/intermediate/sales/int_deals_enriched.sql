{{ config(materialized='table') }}
-- One row per deal with its close month, sales-cycle length in calendar days and the number
-- of completed activities logged on it up to its close date (KPIs 52-54, 58; reusable for
-- KPI 47 by closed_month, rep_id, mrr where is_won).
with
deals as (
    select * from {{ ref('stg_crm__deals') }}
),

activities as (
    select * from {{ ref('stg_crm__activities') }}
),

activity_counts as (
    select
        deals.deal_id,
        count(activities.activity_id) as activities_before_close
    from deals
    inner join activities
        on
            deals.deal_id = activities.deal_id
            and activities.is_completed
            and activities.completed_at < {{ dbt.dateadd('day', 1, 'cast(deals.closed_date as timestamp)') }}
    where deals.is_closed
    group by deals.deal_id
),

final as (
    select
        deals.deal_id,
        deals.lead_id,
        deals.customer_id,
        deals.rep_id,
        deals.created_at,
        deals.created_date,
        deals.closed_date,
        cast({{ dbt.date_trunc('month', 'deals.closed_date') }} as date) as closed_month,
        deals.deal_status,
        deals.is_won,
        deals.is_closed,
        deals.amount,
        deals.mrr,
        case
            when deals.is_closed then {{ dbt.datediff('deals.created_date', 'deals.closed_date', 'day') }}
        end as sales_cycle_days,
        case
            when deals.is_closed then coalesce(activity_counts.activities_before_close, 0)
        end as activities_before_close
    from deals
    left join activity_counts on deals.deal_id = activity_counts.deal_id
)

select * from final
