{{ config(materialized='table') }}
-- One row per (customer, month) from the month of the customer's first paid period to the
-- last month of the spine: MRR at the start and end of the month and the movement it makes.
-- "At start of M" is the state just before M's first instant (= end of M-1); a subscription
-- covers a boundary b when paid_start_at < b <= paid_end_at (half-open [start, end) intervals
-- observed just before b), so a change at an instant belongs to the month holding it.
with
months as (
    select * from {{ ref('int_revenue_months') }}
),

paid as (
    select * from {{ ref('int_subscriptions_paid') }}
),

first_paid as (
    select * from {{ ref('int_customers_first_paid') }}
),

boundaries as (
    select cast(period_month as timestamp) as boundary_at from months
    union all
    select max({{ next_month_start('period_month') }}) as boundary_at from months
),

mrr_at_boundaries as (
    select
        paid.customer_id,
        boundaries.boundary_at,
        sum(paid.mrr) as mrr
    from paid
    inner join boundaries
        on
            paid.paid_start_at < boundaries.boundary_at
            and (paid.paid_end_at is null or paid.paid_end_at >= boundaries.boundary_at)
    group by paid.customer_id, boundaries.boundary_at
),

customer_months as (
    select
        first_paid.customer_id,
        months.period_month,
        first_paid.first_paid_at,
        cast(months.period_month as timestamp) as month_start_at,
        {{ next_month_start('months.period_month') }} as month_end_at
    from first_paid
    cross join months
    where {{ next_month_start('months.period_month') }} > first_paid.first_paid_at
),

with_mrr as (
    select
        customer_months.customer_id,
        customer_months.period_month,
        coalesce(at_start.mrr, 0) as mrr_start,
        coalesce(at_end.mrr, 0) as mrr_end,
        customer_months.first_paid_at < customer_months.month_start_at as had_mrr_before
    from customer_months
    left join mrr_at_boundaries as at_start
        on
            customer_months.customer_id = at_start.customer_id
            and customer_months.month_start_at = at_start.boundary_at
    left join mrr_at_boundaries as at_end
        on
            customer_months.customer_id = at_end.customer_id
            and customer_months.month_end_at = at_end.boundary_at
),

classified as (
    select
        customer_id,
        period_month,
        mrr_start,
        mrr_end,
        mrr_start > 0 as is_active_start,
        mrr_end > 0 as is_active_end,
        had_mrr_before,
        case
            when mrr_start = 0 and mrr_end > 0 and not had_mrr_before then 'new'
            when mrr_start = 0 and mrr_end > 0 then 'reactivation'
            when mrr_end > mrr_start and mrr_start > 0 then 'expansion'
            when mrr_start > mrr_end and mrr_end > 0 then 'contraction'
            when mrr_start > 0 and mrr_end = 0 then 'churned'
            when mrr_start > 0 then 'unchanged'
            else 'inactive'
        end as movement_type
    from with_mrr
),

final as (
    select
        *,
        case when movement_type = 'new' then mrr_end else 0 end as new_mrr,
        case when movement_type = 'reactivation' then mrr_end else 0 end as reactivation_mrr,
        case when movement_type = 'expansion' then mrr_end - mrr_start else 0 end as expansion_mrr,
        case when movement_type = 'contraction' then mrr_start - mrr_end else 0 end as contraction_mrr,
        case when movement_type = 'churned' then mrr_start else 0 end as churned_mrr
    from classified
)

select * from final
