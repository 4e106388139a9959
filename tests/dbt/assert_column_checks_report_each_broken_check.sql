-- The column_checks generic test on probes with known NULLs, repeats, unlisted values and values
-- out of range: one row per broken check with its count; nothing for a check that holds
-- (filled_column, unique_column's repeats, id_column's range), NULLs not counted as repeats nor
-- as unlisted or out of range, nothing at all for an empty relation.
-- Rows returned here are disagreements with the expected result.
with probe as (
    select
        probe_rows.id_column,
        probe_rows.text_column,
        probe_rows.number_column,
        probe_rows.filled_column,
        probe_rows.unique_column
    from (
        values
        (1, 'a', cast(null as integer), 'x', 10),
        (cast(null as integer), cast(null as {{ dbt.type_string() }}), 3, 'x', 11),
        (2, cast(null as {{ dbt.type_string() }}), 4, 'y', 12),
        (2, 'b', 5, 'z', 13),
        (2, 'c', 5, 'z', cast(null as integer)),
        (cast(null as integer), 'd', 6, 'z', cast(null as integer))
    ) as probe_rows (id_column, text_column, number_column, filled_column, unique_column)
),

empty_probe as (
    select *
    from probe
    where id_column < 0
),

observed as (
    {{ kpi101.test_column_checks(
        'probe',
        not_null=['id_column', 'text_column', 'number_column', 'filled_column'],
        unique=['id_column', 'number_column', 'unique_column'],
        accepted_values={'text_column': ['a', 'b', "it's"], 'filled_column': ['x', 'y', 'z']},
        accepted_range={
            'number_column': {'min_value': 4, 'max_value': 5},
            'unique_column': {'min_value': 11},
            'id_column': {'max_value': 2},
        },
        unique_combinations=[
            ['id_column', 'filled_column'],
            ['filled_column', 'unique_column'],
            ['text_column', 'number_column'],
        ],
    ) }}
),

-- number_column holds 5 twice (the single NULL is no repeat): one row, one problem row
observed_combinations_only as (
    {{ kpi101.test_column_checks('probe', unique_combinations=[['number_column']]) }}
),

observed_on_empty as (
    {{ kpi101.test_column_checks(
        'empty_probe',
        not_null=['id_column'],
        unique=['id_column'],
        accepted_values={'text_column': ['a']},
        accepted_range={'number_column': {'min_value': 100}},
        unique_combinations=[['id_column', 'text_column']],
    ) }}
),

expected as (
    select
        'id_column' as column_name,
        'null' as problem,
        2 as problem_rows
    union all
    select
        'text_column' as column_name,
        'null' as problem,
        2 as problem_rows
    union all
    select
        'number_column' as column_name,
        'null' as problem,
        1 as problem_rows
    union all
    -- id 2 three times: two rows beyond the first; the two NULL ids are not repeats
    select
        'id_column' as column_name,
        'duplicate' as problem,
        2 as problem_rows
    union all
    select
        'number_column' as column_name,
        'duplicate' as problem,
        1 as problem_rows
    union all
    -- 'c' and 'd' are not listed; the two NULLs pass
    select
        'text_column' as column_name,
        'not accepted' as problem,
        2 as problem_rows
    union all
    -- 3 and 6 lie outside 4..5 (both bounds inclusive: 4, 5, 5 pass); the NULL passes
    select
        'number_column' as column_name,
        'out of range' as problem,
        2 as problem_rows
    union all
    -- 10 is below 11; the two NULLs pass
    select
        'unique_column' as column_name,
        'out of range' as problem,
        1 as problem_rows
    union all
    -- (2, 'z') twice
    select
        'id_column, filled_column' as column_name,
        'duplicate' as problem,
        1 as problem_rows
    union all
    -- ('z', NULL) twice: in a combination a NULL is a value like any other
    select
        'filled_column, unique_column' as column_name,
        'duplicate' as problem,
        1 as problem_rows
),

disagreements as (
    select
        coalesce(expected.column_name, observed.column_name) as column_name,
        case when observed.column_name is null then 'missing' else 'unexpected' end as disagreement
    from expected
    full outer join observed
        on
            expected.column_name = observed.column_name
            and expected.problem = observed.problem
            and expected.problem_rows = observed.problem_rows
    where expected.column_name is null or observed.column_name is null
)

select
    disagreement,
    column_name
from disagreements
union all
select
    'reported on an empty relation' as disagreement,
    column_name
from observed_on_empty
union all
select
    'combinations only: expected one row (number_column, duplicate, 1)' as disagreement,
    'number_column' as column_name
from (
    select
        count(*) as reported_rows,
        sum(case when column_name = 'number_column' and problem = 'duplicate' and problem_rows = 1 then 1 else 0 end)
            as matching_rows
    from observed_combinations_only
) as combinations_only
where reported_rows != 1 or matching_rows != 1
