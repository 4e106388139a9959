{#
    The column checks of a model or source table in one scan, one node and one query instead of
    a test per column (each of which would re-compute a view or re-read a raw table):
    - not_null: [columns]: no NULLs;
    - unique: [columns]: no value twice (NULLs aside, as in dbt's unique test);
    - unique_combinations: [[columns], ...]: no combination of the columns' values twice (the
      grain of a model whose key is several columns; NULLs count as a value here);
    - accepted_values: {column: [values]}: every non-NULL value is one of the values;
    - accepted_range: {column: {min_value: x, max_value: y}}: every non-NULL value lies within
      the bounds, both inclusive, either optional.
    Fails with one row per broken check: column_name (for a combination, the columns joined by
    ', '), problem ('null', 'duplicate', 'not accepted' or 'out of range') and problem_rows (the
    offending rows; for a repeat, the rows beyond the first of each value or combination).
    report_failed_checks (on-run-end) prints those rows in the log.
#}
{% test column_checks(model, not_null=[], unique=[], accepted_values={}, accepted_range={}, unique_combinations=[]) %}
    {%- set checks = [] -%}
    {%- for column in not_null -%}
        {%- do checks.append({
            'column': column,
            'problem': 'null',
            'expression': 'sum(case when ' ~ adapter.quote(column) ~ ' is null then 1 else 0 end)',
        }) -%}
    {%- endfor -%}
    {%- for column in unique -%}
        {%- do checks.append({
            'column': column,
            'problem': 'duplicate',
            'expression': 'count(' ~ adapter.quote(column) ~ ') - count(distinct ' ~ adapter.quote(column) ~ ')',
        }) -%}
    {%- endfor -%}
    {%- for column, values in accepted_values.items() -%}
        {%- do checks.append({
            'column': column,
            'problem': 'not accepted',
            'expression': 'sum(case when ' ~ adapter.quote(column) ~ ' not in ('
                ~ column_check_literals(values) ~ ') then 1 else 0 end)',
        }) -%}
    {%- endfor -%}
    {%- for column, bounds in accepted_range.items() -%}
        {%- set outside = [] -%}
        {%- if bounds.get('min_value') is not none -%}
            {%- do outside.append(adapter.quote(column) ~ ' < ' ~ bounds['min_value']) -%}
        {%- endif -%}
        {%- if bounds.get('max_value') is not none -%}
            {%- do outside.append(adapter.quote(column) ~ ' > ' ~ bounds['max_value']) -%}
        {%- endif -%}
        {%- if not outside -%}
            {{ exceptions.raise_compiler_error("column_checks on " ~ model ~ ": accepted_range of " ~ column ~ " needs min_value or max_value") }}
        {%- endif -%}
        {%- do checks.append({
            'column': column,
            'problem': 'out of range',
            'expression': 'sum(case when ' ~ outside | join(' or ') ~ ' then 1 else 0 end)',
        }) -%}
    {%- endfor -%}
    {%- if not checks and not unique_combinations -%}
        {{ exceptions.raise_compiler_error("column_checks on " ~ model ~ ": list at least one column under not_null, unique, accepted_values or accepted_range, or a combination under unique_combinations") }}
    {%- endif %}
    {%- for columns in unique_combinations if columns is string or not columns %}
        {{ exceptions.raise_compiler_error("column_checks on " ~ model ~ ": each entry of unique_combinations must be a list of columns, got " ~ columns) }}
    {%- endfor %}
    with
    {%- if checks %}
        column_counts as (
            select
            {%- for check in checks %}
                {{ check.expression }} as problem_rows_{{ loop.index }}
                {{- ',' if not loop.last }}
            {%- endfor %}
            from {{ model }}
        ){{ ',' if unique_combinations }}
    {%- endif %}
    {%- for columns in unique_combinations %}
        {%- set quoted = [] -%}
        {%- for column in columns -%}{%- do quoted.append(adapter.quote(column)) -%}{%- endfor %}
        combination_counts_{{ loop.index }} as (
            select coalesce(sum(rows_per_combination - 1), 0) as problem_rows
            from (
                select count(*) as rows_per_combination
                from {{ model }}
                group by {{ quoted | join(', ') }}
                having count(*) > 1
            ) as repeated_combinations
        ){{ ',' if not loop.last }}
    {%- endfor %}

    {% for check in checks -%}
        select
            '{{ check.column }}' as column_name,
            '{{ check.problem }}' as problem,
            problem_rows_{{ loop.index }} as problem_rows
        from column_counts
        where problem_rows_{{ loop.index }} > 0
        {{ 'union all' if not loop.last or unique_combinations }}
    {% endfor %}
    {%- for columns in unique_combinations %}
        select
            '{{ columns | join(", ") }}' as column_name,
            'duplicate' as problem,
            problem_rows
        from combination_counts_{{ loop.index }}
        where problem_rows > 0
        {{ 'union all' if not loop.last }}
    {% endfor %}
{% endtest %}

{# Accepted values as SQL literals: text quoted for the engine (sql_string_literal), numbers and booleans as they are. #}
{% macro column_check_literals(values) %}
    {%- set literals = [] -%}
    {%- for value in values -%}
        {%- if value is sameas true or value is sameas false -%}
            {%- do literals.append('true' if value else 'false') -%}
        {%- elif value is number -%}
            {%- do literals.append(value | string) -%}
        {%- else -%}
            {%- do literals.append(kpi101.sql_string_literal(value)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- literals | join(', ') -}}
{% endmacro %}
