-- KPI 75: offers accepted in the month (0 when none).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

monthly as (
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
            75, 'monthly_hires',
            value='coalesce(monthly.hires, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
