{#
    Engine-specific SQL, one dispatched macro per construct (DuckDB is the default; PostgreSQL
    and Spark implementations beside it). Models and other macros use only these, dbt's own
    cross-database macros (dbt.dateadd, dbt.datediff, dbt.date_trunc, dbt.bool_or, ...) and
    SQL that every engine reads alike; scripts/check_portable_sql.py enforces it.
#}

{# The 8-byte floating-point type. #}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'kpi101')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double
{%- endmacro %}

{% macro postgres__type_double() -%}
    double precision
{%- endmacro %}

{# A constant interval of `count` units (day, month, ...). #}
{% macro interval_literal(count, unit) -%}
    {{ return(adapter.dispatch('interval_literal', 'kpi101')(count, unit)) }}
{%- endmacro %}

{% macro default__interval_literal(count, unit) -%}
    interval {{ count }} {{ unit }}
{%- endmacro %}

{% macro postgres__interval_literal(count, unit) -%}
    interval '{{ count }} {{ unit }}'
{%- endmacro %}

{#
    A from-clause item: one row per timestamp from start_timestamp to end_timestamp (both
    included) in steps of interval_literal(step_count, step_unit), as relation `alias` with
    the single column `column`.
#}
{% macro timestamp_series(start_timestamp, end_timestamp, step_count, step_unit, alias, column) -%}
    {{ return(adapter.dispatch('timestamp_series', 'kpi101')(start_timestamp, end_timestamp, step_count, step_unit, alias, column)) }}
{%- endmacro %}

{% macro default__timestamp_series(start_timestamp, end_timestamp, step_count, step_unit, alias, column) -%}
    generate_series(
        {{ start_timestamp }},
        {{ end_timestamp }},
        {{ kpi101.interval_literal(step_count, step_unit) }}
    ) as {{ alias }} ({{ column }})
{%- endmacro %}

{% macro spark__timestamp_series(start_timestamp, end_timestamp, step_count, step_unit, alias, column) -%}
    (
        select explode(sequence({{ start_timestamp }}, {{ end_timestamp }}, {{ kpi101.interval_literal(step_count, step_unit) }})) as {{ column }}
    ) as {{ alias }}
{%- endmacro %}

{# ISO day of the week of a date: 1 = Monday ... 7 = Sunday. #}
{% macro iso_day_of_week(date_expression) -%}
    {{ return(adapter.dispatch('iso_day_of_week', 'kpi101')(date_expression)) }}
{%- endmacro %}

{% macro default__iso_day_of_week(date_expression) -%}
    isodow({{ date_expression }})
{%- endmacro %}

{% macro postgres__iso_day_of_week(date_expression) -%}
    cast(extract(isodow from {{ date_expression }}) as integer)
{%- endmacro %}

{% macro spark__iso_day_of_week(date_expression) -%}
    ((dayofweek({{ date_expression }}) + 5) % 7 + 1)
{%- endmacro %}

{# True when every non-NULL value is true (dbt.bool_or is the "any" counterpart). #}
{% macro bool_and(expression) -%}
    {{ return(adapter.dispatch('bool_and', 'kpi101')(expression)) }}
{%- endmacro %}

{% macro default__bool_and(expression) -%}
    bool_and({{ expression }})
{%- endmacro %}

{#
    Product of an expression over the named window `window_name` (NULLs ignored; NULL when
    every value is NULL).
#}
{% macro windowed_product(expression, window_name) -%}
    {{ return(adapter.dispatch('windowed_product', 'kpi101')(expression, window_name)) }}
{%- endmacro %}

{% macro default__windowed_product(expression, window_name) -%}
    product({{ expression }}) over {{ window_name }}
{%- endmacro %}

{# No product aggregate: exp(sum(ln |x|)), then the zero and the sign restored. #}
{% macro postgres__windowed_product(expression, window_name) -%}
    case
        when count({{ expression }}) over {{ window_name }} = 0 then null
        when min(abs({{ expression }})) over {{ window_name }} = 0 then 0
        else
            exp(sum(ln(abs(nullif({{ expression }}, 0)))) over {{ window_name }})
            * case when mod(count(case when {{ expression }} < 0 then 1 end) over {{ window_name }}, 2) = 1 then -1 else 1 end
    end
{%- endmacro %}

{% macro spark__windowed_product(expression, window_name) -%}
    {{ kpi101.postgres__windowed_product(expression, window_name) }}
{%- endmacro %}

{# A timestamp without time zone that holds UTC wall time, as a timestamp with time zone. #}
{% macro utc_timestamptz(expression) -%}
    {{ return(adapter.dispatch('utc_timestamptz', 'kpi101')(expression)) }}
{%- endmacro %}

{% macro default__utc_timestamptz(expression) -%}
    timezone('UTC', cast({{ expression }} as timestamp))
{%- endmacro %}

{# Spark has one timestamp type, read in the session time zone (UTC in our profiles). #}
{% macro spark__utc_timestamptz(expression) -%}
    cast({{ expression }} as timestamp)
{%- endmacro %}

{# Runs of whitespace (spaces, tabs, newlines) replaced by one space. #}
{% macro collapse_whitespace(expression) -%}
    {{ return(adapter.dispatch('collapse_whitespace', 'kpi101')(expression)) }}
{%- endmacro %}

{% macro default__collapse_whitespace(expression) -%}
    regexp_replace({{ expression }}, '\s+', ' ', 'g')
{%- endmacro %}

{% macro spark__collapse_whitespace(expression) -%}
    regexp_replace({{ expression }}, '\\s+', ' ')
{%- endmacro %}

{# A select-list item: one row per part of a delimited string. #}
{% macro split_to_rows(expression, delimiter) -%}
    {{ return(adapter.dispatch('split_to_rows', 'kpi101')(expression, delimiter)) }}
{%- endmacro %}

{% macro default__split_to_rows(expression, delimiter) -%}
    unnest(string_split({{ expression }}, {{ sql_string_literal(delimiter) }}))
{%- endmacro %}

{% macro postgres__split_to_rows(expression, delimiter) -%}
    unnest(string_to_array({{ expression }}, {{ sql_string_literal(delimiter) }}))
{%- endmacro %}

{% macro spark__split_to_rows(expression, delimiter) -%}
    explode(split({{ expression }}, {{ sql_string_literal(modules.re.escape(delimiter)) }}))
{%- endmacro %}

{#
    on-run-start: the models read dates and months in the session time zone, which must be
    UTC (DuckDB: set in profiles.yml). PostgreSQL takes it from the server, database or role,
    or PGTZ: a build in another zone stops here instead of shifting months.
#}
{% macro check_session_time_zone() -%}
    {{ return(adapter.dispatch('check_session_time_zone', 'kpi101')()) }}
{%- endmacro %}

{% macro default__check_session_time_zone() -%}
    select 1
{%- endmacro %}

{% macro postgres__check_session_time_zone() -%}
    {% if execute %}
        {% set zone = run_query("select current_setting('TimeZone')").columns[0].values()[0] %}
        {% if zone not in ('UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Zulu', 'Etc/Zulu', 'Universal', 'Etc/Universal', 'GMT', 'Etc/GMT') %}
            {{ exceptions.raise_compiler_error("kpi101 needs the session time zone UTC, this PostgreSQL session has " ~ zone ~ ": set PGTZ=UTC in the environment, or `alter role <user> set timezone = 'UTC'`") }}
        {% endif %}
    {% endif %}
    select 1
{%- endmacro %}

{# True for NaN and +/- infinity. #}
{% macro is_not_finite(expression) -%}
    {{ return(adapter.dispatch('is_not_finite', 'kpi101')(expression)) }}
{%- endmacro %}

{% macro default__is_not_finite(expression) -%}
    (isnan({{ expression }}) or isinf({{ expression }}))
{%- endmacro %}

{# PostgreSQL compares NaN equal to itself. #}
{% macro postgres__is_not_finite(expression) -%}
    ({{ expression }} in (cast('NaN' as double precision), cast('Infinity' as double precision), cast('-Infinity' as double precision)))
{%- endmacro %}

{% macro spark__is_not_finite(expression) -%}
    (isnan({{ expression }}) or abs({{ expression }}) = double('infinity'))
{%- endmacro %}

{#
    dbt's unit-test query, on PostgreSQL with numeric values compared by value: a sum of
    decimals has no fixed scale there, so 950.00 (actual) and 950 (the YAML's expected value)
    would differ as text. Both sides go through one overloaded function that drops trailing
    zeros of numerics and leaves every other type as it is (integers and floats have their own
    overloads, or PostgreSQL could not choose between numeric and anyelement).
#}
{% macro postgres__get_unit_test_sql(main_sql, expected_fixture_sql, expected_column_names) -%}
create or replace function pg_temp.kpi101_unit_value(value numeric) returns numeric
    language sql immutable as $unit$ select trim_scale(value) $unit$;
create or replace function pg_temp.kpi101_unit_value(value anyelement) returns anyelement
    language sql immutable as $unit$ select value $unit$;
{%- for exact_type in ['smallint', 'integer', 'bigint', 'real', 'double precision'] %}
create or replace function pg_temp.kpi101_unit_value(value {{ exact_type }}) returns {{ exact_type }}
    language sql immutable as $unit$ select value $unit$;
{%- endfor %}
select
    {%- for column_name in expected_column_names %}
    pg_temp.kpi101_unit_value({{ column_name }}) as {{ column_name }},
    {%- endfor %}
    {{ adapter.quote("actual_or_expected") }}
from (
    {{ dbt.default__get_unit_test_sql(main_sql, expected_fixture_sql, expected_column_names) }}
) as unit_test_rows
{%- endmacro %}

{# Aggregate: the values (each once when distinct) joined with `delimiter` in ascending order. #}
{% macro ordered_string_agg(expression, delimiter, distinct=false) -%}
    {{ return(adapter.dispatch('ordered_string_agg', 'kpi101')(expression, delimiter, distinct)) }}
{%- endmacro %}

{% macro default__ordered_string_agg(expression, delimiter, distinct=false) -%}
    string_agg({{ 'distinct ' if distinct }}{{ expression }}, {{ sql_string_literal(delimiter) }} order by {{ expression }})
{%- endmacro %}

{# Spark 3.5 has no string_agg. #}
{% macro spark__ordered_string_agg(expression, delimiter, distinct=false) -%}
    array_join(array_sort({{ 'collect_set' if distinct else 'collect_list' }}({{ expression }})), {{ sql_string_literal(delimiter) }})
{%- endmacro %}

{#
    Statements for an audit table: delete its rows where `stale_condition` holds, then insert
    the rows of `new_rows_sql` (a query, or `values (...)`).
#}
{% macro audit_replace_rows(table, stale_condition, new_rows_sql) -%}
    {{ return(adapter.dispatch('audit_replace_rows', 'kpi101')(table, stale_condition, new_rows_sql)) }}
{%- endmacro %}

{% macro default__audit_replace_rows(table, stale_condition, new_rows_sql) -%}
    delete from {{ table }} where {{ stale_condition }};
    insert into {{ table }} {{ new_rows_sql }}
{%- endmacro %}

{#
    Spark's Parquet tables take no DELETE and one statement per call: the kept and the new rows
    go to a new table that then takes the old one's place (hooks run one at a time: threads 1).
#}
{% macro spark__audit_replace_rows(table, stale_condition, new_rows_sql) -%}
    {%- set next_table = table ~ '__next' -%}
    {%- do run_query("create or replace temporary view kpi101_audit_new_rows as " ~ new_rows_sql) -%}
    {%- do run_query("drop table if exists " ~ next_table) -%}
    {%- do run_query("create table " ~ next_table ~ " using parquet as select * from " ~ table ~ " where not coalesce(" ~ stale_condition ~ ", false) union all select * from kpi101_audit_new_rows") -%}
    {%- do run_query("drop table " ~ table) -%}
    {%- do run_query("alter table " ~ next_table ~ " rename to " ~ table) -%}
    select 1
{%- endmacro %}
