-- KPI 81: offers accepted in the month by candidate source (source_of_hire, a count) and each
-- source's share of the month's hires (source_of_hire_share; shares sum to 1, NULL in a month
-- without hires). Every source seen among candidates gets a row each month; the 'all' rows are
-- every hire (share 1). Hires of candidates missing from the candidates export count under
-- source 'unknown'.
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
    union
    select distinct candidate_source from applications
    where candidate_source = 'unknown'
),

by_source as (
    select
        cast({{ dbt.date_trunc('month', 'hired_at') }} as date) as period_month,
        candidate_source,
        count(*) as hires
    from applications
    group by period_month, candidate_source
),

hires_rows as (
    {{ breakdown_with_total('months', 'sources', 'by_source', 'candidate_source', 'candidate_source', ['hires']) }}
),

counts as (
    select
        hires_rows.*,
        sum(case when hires_rows.dimension = 'all' then hires_rows.hires end)
            over (partition by hires_rows.period_month) as total_hires
    from hires_rows
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
