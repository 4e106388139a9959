-- KPI 99: help-center article views in the month over tickets created in the month. NULL in
-- a month without tickets.
with
months as (
    select * from {{ ref('int_support_months') }}
),

views as (
    select * from {{ ref('stg_helpcenter__article_views') }}
),

tickets as (
    select * from {{ ref('fct_ticket_lifecycles') }}
),

monthly_views as (
    select
        cast({{ dbt.date_trunc('month', 'viewed_at') }} as date) as period_month,
        count(*) as view_count
    from views
    group by period_month
),

monthly_tickets as (
    select
        created_month as period_month,
        count(*) as ticket_count
    from tickets
    group by created_month
),

final as (
    select
        {{ kpi_columns(
            99, 'views_to_ticket_ratio',
            numerator='coalesce(monthly_views.view_count, 0)',
            denominator='coalesce(monthly_tickets.ticket_count, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly_views on months.period_month = monthly_views.period_month
    left join monthly_tickets on months.period_month = monthly_tickets.period_month
)

select * from final
