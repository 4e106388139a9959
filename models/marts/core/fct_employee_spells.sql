-- One row per valid employment spell: the shared employee fact (hr, and any domain that
-- needs who was employed when). A rehire is a second spell of the same employee_id.
{{ config(materialized='table') }}

with
spells as (
    select * from {{ ref('stg_hris__employees') }}
    where is_valid
),

numbered as (
    select
        *,
        row_number() over (partition by employee_id order by start_date, employment_id) as spell_number
    from spells
),

final as (
    select
        employment_id,
        employee_id,
        spell_number,
        spell_number > 1 as is_rehire,
        gender,
        department,
        job_level,
        employment_type,
        start_date,
        termination_date,
        cast({{ dbt.date_trunc('month', 'start_date') }} as date) as start_month,
        termination_date is not null
        and {{ dbt.datediff('start_date', 'termination_date', 'day') }}
        <= {{ var('probation_days') }} as left_within_probation
    from numbered
)

select * from final
