-- One row per application with its candidate, the opening's department, the hire (offer
-- acceptance) and the furthest pipeline stage it reached. The hire time is the offer
-- acceptance, falling back to the time the 'hired' stage was entered when the acceptance
-- stamp is missing. The furthest stage is the highest stage entered (a hire counts as
-- having reached 'hired'); an application that skipped a stage reached it by passing it.
-- An application whose opening or candidate is missing from its export (an orphan reference,
-- audit.orphan_references) keeps its row with department / candidate source 'unknown'.
{{ config(materialized='table') }}

with
applications as (
    select * from {{ ref('stg_ats__applications') }}
),

candidates as (
    select * from {{ ref('stg_ats__candidates') }}
),

openings as (
    select * from {{ ref('stg_ats__job_openings') }}
),

stage_events as (
    select * from {{ ref('stg_ats__application_stage_events') }}
),

stages_reached as (
    select
        application_id,
        max(stage_rank) as furthest_event_rank,
        min(case when stage_name = 'hired' then entered_at end) as hired_stage_at
    from stage_events
    group by application_id
),

final as (
    select
        applications.application_id,
        applications.candidate_id,
        applications.opening_id,
        case when openings.opening_id is null then 'unknown' else openings.department end as department,
        case
            when candidates.candidate_id is null then 'unknown' else candidates.candidate_source
        end as candidate_source,
        coalesce(candidates.is_passive, false) as is_passive,
        candidates.first_engaged_at,
        applications.started_at,
        applications.submitted_at,
        applications.submitted_at is not null as is_submitted,
        coalesce(applications.offer_accepted_at, stages_reached.hired_stage_at) as hired_at,
        coalesce(applications.offer_accepted_at, stages_reached.hired_stage_at) is not null as is_hired,
        applications.application_status,
        applications.application_status in ('rejected', 'withdrawn', 'hired') as is_closed,
        greatest(
            coalesce(stages_reached.furthest_event_rank, 0),
            case
                when coalesce(applications.offer_accepted_at, stages_reached.hired_stage_at) is not null then 5
                else 0
            end
        ) as furthest_stage_rank,
        applications.is_valid
    from applications
    left join candidates on applications.candidate_id = candidates.candidate_id
    left join openings on applications.opening_id = openings.opening_id
    left join stages_reached on applications.application_id = stages_reached.application_id
)

select * from final
