-- Identity: the gender shares of a month with employees, and the candidate-source shares of a
-- month with hires, each sum to 1. Returns the months and outputs that break it.
with
hr_kpis as (
    select * from {{ ref('hr_kpis') }}
),

share_sums as (
    select
        kpi_name,
        period_month,
        sum(value) as share_sum,
        count(value) as valued_rows
    from hr_kpis
    where
        kpi_name in ('gender_ratio', 'source_of_hire_share')
        and dimension != 'all'
    group by kpi_name, period_month
),

final as (
    select
        kpi_name,
        period_month,
        share_sum,
        'shares do not sum to 1' as problem
    from share_sums
    where valued_rows > 0 and abs(share_sum - 1) > 1e-9
)

select * from final
