-- One row per job opening with its fill date and outcome, the submitted applications it
-- drew and the hires made into it. The fill date is the ATS's filled_date (the date of the
-- offer acceptance that filled it), or the date of its last hire when the ATS left it empty.
-- An opening closed without a hire has no fill date.
{{ config(materialized='table') }}

with
openings as (
    select * from {{ ref('stg_ats__job_openings') }}
),

applications as (
    select * from {{ ref('int_applications_enriched') }}
),

per_opening as (
    select
        opening_id,
        sum(case when is_submitted then 1 else 0 end) as submitted_applications,
        sum(case when is_hired then 1 else 0 end) as hires,
        max(hired_at) as last_hired_at
    from applications
    group by opening_id
),

filled as (
    select
        openings.opening_id,
        openings.department,
        openings.opened_date,
        openings.closed_date,
        coalesce(openings.filled_date, cast(per_opening.last_hired_at as date)) as filled_date,
        coalesce(per_opening.submitted_applications, 0) as submitted_applications,
        coalesce(per_opening.hires, 0) as hires
    from openings
    left join per_opening on openings.opening_id = per_opening.opening_id
),

final as (
    select
        opening_id,
        department,
        opened_date,
        filled_date,
        case when filled_date is null then closed_date end as closed_unfilled_date,
        coalesce(filled_date, closed_date) as ended_date,
        submitted_applications,
        hires,
        case
            when filled_date is not null then {{ dbt.datediff('opened_date', 'filled_date', 'day') }}
        end as days_to_fill
    from filled
)

select * from final
