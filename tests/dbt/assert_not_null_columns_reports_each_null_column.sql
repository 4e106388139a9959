-- The not_null_columns generic test on probes with known NULLs: one row per column that has
-- NULLs, with their count; nothing for a filled column (filled_column), nothing for an empty relation.
-- Rows returned here are disagreements with the expected result.
with probe as (
    select
        probe_rows.id_column,
        probe_rows.text_column,
        probe_rows.number_column,
        probe_rows.filled_column
    from (
        values
        (1, 'a', cast(null as integer), 'x'),
        (cast(null as integer), cast(null as {{ dbt.type_string() }}), 3, 'x'),
        (2, cast(null as {{ dbt.type_string() }}), 4, 'y'),
        (3, 'b', 5, 'z')
    ) as probe_rows (id_column, text_column, number_column, filled_column)
),

empty_probe as (
    select *
    from probe
    where id_column < 0
),

observed as (
    {{ kpi101.test_not_null_columns('probe', ['id_column', 'text_column', 'number_column', 'filled_column']) }}
),

observed_on_empty as (
    {{ kpi101.test_not_null_columns('empty_probe', ['id_column', 'text_column', 'number_column']) }}
),

expected as (
    select
        'id_column' as column_name,
        1 as null_rows
    union all
    select
        'text_column' as column_name,
        2 as null_rows
    union all
    select
        'number_column' as column_name,
        1 as null_rows
),

missing as (
    select expected.column_name
    from expected
    left join observed
        on
            expected.column_name = observed.column_name
            and expected.null_rows = observed.null_rows
    where observed.column_name is null
),

unexpected as (
    select observed.column_name
    from observed
    left join expected
        on
            observed.column_name = expected.column_name
            and observed.null_rows = expected.null_rows
    where expected.column_name is null
)

select
    'missing' as problem,
    column_name
from missing
union all
select
    'unexpected' as problem,
    column_name
from unexpected
union all
select
    'reported on an empty relation' as problem,
    column_name
from observed_on_empty
