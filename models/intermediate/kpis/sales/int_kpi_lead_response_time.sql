-- KPI 55: for leads created in the month, mean and median hours from creation to the first
-- completed sales activity on the lead (contacted leads only), and the count of leads with
-- no completed activity so far.
with
months as (
    select * from {{ ref('int_sales_months') }}
),

leads as (
    select * from {{ ref('int_leads_enriched') }}
),

monthly as (
    select
        created_month,
        {{ exact_sum('response_hours') }} as response_hours,
        sum(case when is_contacted then 1 else 0 end) as contacted_leads,
        {{ median('response_hours') }} as median_response_hours,
        sum(case when is_contacted then 0 else 1 end) as uncontacted_leads
    from leads
    group by created_month
),

joined as (
    select
        months.period_month,
        coalesce(monthly.response_hours, 0) as response_hours,
        coalesce(monthly.contacted_leads, 0) as contacted_leads,
        monthly.median_response_hours,
        coalesce(monthly.uncontacted_leads, 0) as uncontacted_leads
    from months
    left join monthly on months.period_month = monthly.created_month
),

final as (
    select
        {{ kpi_columns(55, 'lead_response_time', numerator='response_hours', denominator='contacted_leads') }}
    from joined
    union all
    select {{ kpi_columns(55, 'lead_response_time_median', value='median_response_hours') }}
    from joined
    union all
    select {{ kpi_columns(55, 'leads_never_contacted', value='uncontacted_leads') }}
    from joined
)

select * from final
