-- KPI 69: internal plus external recruiting costs in the month / offers accepted in the month.
with
months as (
    select * from {{ ref('int_hr_months') }}
),

costs as (
    select * from {{ ref('stg_ats__recruiting_costs') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

monthly_costs as (
    select
        cast({{ dbt.date_trunc('month', 'cost_date') }} as date) as period_month,
        sum(amount) as recruiting_cost
    from costs
    group by period_month
),

monthly_hires as (
    select
        cast({{ dbt.date_trunc('month', 'hired_at') }} as date) as period_month,
        count(*) as hires
    from applications
    where is_hired
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            69, 'cost_per_hire',
            numerator='coalesce(monthly_costs.recruiting_cost, 0)',
            denominator='coalesce(monthly_hires.hires, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly_costs on months.period_month = monthly_costs.period_month
    left join monthly_hires on months.period_month = monthly_hires.period_month
)

select * from final
