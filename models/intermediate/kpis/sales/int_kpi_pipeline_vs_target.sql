-- KPI 58: deals open at the end of the month (created before the month ended and not closed
-- by then) / the month's pipeline target count summed over reps; plus the open deal count
-- and the open pipeline amount (deals without an amount add 0).
with
months as (
    select * from {{ ref('int_sales_months') }}
),

deals as (
    select * from {{ ref('int_deals_enriched') }}
),

targets as (
    select
        target_month,
        sum(pipeline_target_count) as pipeline_target_count
    from {{ ref('stg_crm__sales_targets') }}
    group by target_month
),

open_at_month_end as (
    select
        months.period_month,
        count(deals.deal_id) as open_deals,
        coalesce(sum(deals.amount), 0) as open_amount
    from months
    left join deals
        on
            deals.created_at < {{ dbt.dateadd('month', 1, 'months.period_month') }}
            and not (
                deals.is_closed
                and deals.closed_date < {{ dbt.dateadd('month', 1, 'months.period_month') }}
            )
    group by months.period_month
),

joined as (
    select
        open_at_month_end.period_month,
        open_at_month_end.open_deals,
        open_at_month_end.open_amount,
        targets.pipeline_target_count
    from open_at_month_end
    left join targets on open_at_month_end.period_month = targets.target_month
),

final as (
    select
        {{ kpi_columns(58, 'pipeline_vs_target', numerator='open_deals', denominator='pipeline_target_count') }}
    from joined
    union all
    select {{ kpi_columns(58, 'open_deals', value='open_deals') }}
    from joined
    union all
    select {{ kpi_columns(58, 'open_pipeline_amount', value='open_amount') }}
    from joined
)

select * from final
