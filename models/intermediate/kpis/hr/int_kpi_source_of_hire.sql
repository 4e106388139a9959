-- KPI 81: offers accepted in the month by candidate source (source_of_hire, a count) and each
-- source's share of the month's hires (source_of_hire_share; shares sum to 1, NULL in a month
-- without hires). Every source seen among candidates gets a row each month; the 'all' rows are
-- every hire (share 1).
with
months as (
    select * from {{ ref('int_hr_months') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
    where is_hired
),

sources as (
    select distinct candidate_source from {{ ref('stg_ats__candidates') }}
    where candidate_source is not null
),

by_source as (
    select
        cast({{ dbt.date_trunc('month', 'hired_at') }} as date) as period_month,
        candidate_source,
        count(*) as hires
    from applications
    group by period_month, candidate_source
),

totals as (
    select
        period_month,
        sum(hires) as hires
    from by_source
    group by period_month
),

counts as (
    select
        months.period_month,
        'candidate_source' as dimension,
        sources.candidate_source as dimension_value,
        coalesce(by_source.hires, 0) as hires,
        coalesce(totals.hires, 0) as total_hires
    from months
    cross join sources
    left join by_source
        on
            months.period_month = by_source.period_month
            and sources.candidate_source = by_source.candidate_source
    left join totals on months.period_month = totals.period_month

    union all

    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(totals.hires, 0) as hires,
        coalesce(totals.hires, 0) as total_hires
    from months
    left join totals on months.period_month = totals.period_month
),

final as (
    select
        {{ kpi_columns(
            81, 'source_of_hire',
            value='hires',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts

    union all

    select
        {{ kpi_columns(
            81, 'source_of_hire_share',
            numerator='hires',
            denominator='total_hires',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from counts
)

select * from final
