{{ config(meta={'quarantine_key': 'employment_id'}) }}

with
source as (
    select * from {{ source('hris', 'employees') }}
),

renamed as (
    select distinct
        cast(employment_id as {{ dbt.type_string() }}) as employment_id,
        cast(employee_id as {{ dbt.type_string() }}) as employee_id,
        lower(cast(gender as {{ dbt.type_string() }})) as gender,
        lower(cast(department as {{ dbt.type_string() }})) as department,
        upper(cast(job_level as {{ dbt.type_string() }})) as job_level,
        lower(cast(employment_type as {{ dbt.type_string() }})) as employment_type,
        cast(start_date as date) as start_date,
        cast(termination_date as date) as termination_date
    from source
),

row_checked as (
    select
        *,
        {{ quarantine_rule([
            ['timestamp_out_of_range', outside_plausible_range(['start_date', 'termination_date'])],
            ['ended_before_started', 'termination_date < start_date'],
        ]) }} as row_rule
    from renamed
),

-- A person holds one employment at a time: a spell starting on or before the last day of an
-- earlier spell of the same employee_id is quarantined (the earlier spell stays).
overlap_checked as (
    select
        *,
        max(case when row_rule is null then coalesce(termination_date, cast('9999-12-31' as date)) end) over (
            partition by employee_id
            order by start_date, employment_id
            rows between unbounded preceding and 1 preceding
        ) as earlier_spell_last_date
    from row_checked
),

checked as (
    select
        employment_id,
        employee_id,
        gender,
        department,
        job_level,
        employment_type,
        start_date,
        termination_date,
        start_date is not null as is_valid,
        coalesce(
            row_rule,
            case when start_date <= earlier_spell_last_date then 'overlapping_period' end
        ) as quarantine_rule
    from overlap_checked
),

final as (
    {{ select_passed_quarantine('checked') }}
)

select * from final
