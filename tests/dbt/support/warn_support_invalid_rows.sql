{{ config(severity='warn') }}
-- Counts the source rows staging kept but flagged as invalid (never dropped), one row per
-- table with any: calls whose abandoned flag contradicts answered_at or whose times run
-- backwards (counted by their answered_at), agent periods ending before they start (covering
-- no month). A warning, so the build goes on and the counts are visible in the log.
with
flagged as (
    select
        'helpdesk.calls' as source_table,
        count(*) as invalid_rows
    from {{ ref('stg_helpdesk__calls') }}
    where not is_valid
    union all
    select
        'helpdesk.agents' as source_table,
        count(*) as invalid_rows
    from {{ ref('stg_helpdesk__agents') }}
    where not is_valid
)

select *
from flagged
where invalid_rows > 0
