-- KPI 82: mean calendar days from an opening's creation to the offer acceptance that filled
-- it, over openings filled in the month (openings closed without a hire never count).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

openings as (
    select * from {{ ref('int_job_openings_enriched') }}
    where filled_date is not null
),

monthly as (
    select
        cast({{ dbt.date_trunc('month', 'filled_date') }} as date) as period_month,
        {{ exact_sum('days_to_fill') }} as days_to_fill,
        count(*) as filled_openings
    from openings
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            82, 'time_to_fill_days',
            numerator='coalesce(monthly.days_to_fill, 0)',
            denominator='coalesce(monthly.filled_openings, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
