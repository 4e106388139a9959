-- One row per month with paid spend or new customers: CAC = paid marketing spend / new
-- customers, defined once here for KPIs 8, 31 and 42 (NULL without new customers; 0 when
-- customers came without spend).
with
acquisition as (
    select * from {{ ref('int_customer_acquisition_monthly') }}
),

final as (
    select
        period_month,
        sum(paid_spend) as paid_spend,
        sum(new_customers) as new_customers,
        {{ safe_divide('sum(paid_spend)', 'sum(new_customers)') }} as customer_acquisition_cost
    from acquisition
    group by period_month
)

select * from final
