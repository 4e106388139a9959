{#
    The column checks of a model in one scan: every column listed under not_null is free of
    NULLs, and no value of a column listed under unique occurs twice (NULLs aside, as in dbt's
    unique test). One node and one query per model instead of a `not_null` or `unique` test per
    column, each of which would re-compute a view. Fails with one row per broken check:
    column_name, problem ('null' or 'duplicate') and problem_rows (the NULL rows, or the rows
    beyond the first of each repeated value).
#}
{% test column_checks(model, not_null=[], unique=[]) %}
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
    {%- if not checks -%}
        {{ exceptions.raise_compiler_error("column_checks on " ~ model ~ ": list at least one column under not_null or unique") }}
    {%- endif %}
    with column_counts as (
        select
        {%- for check in checks %}
            {{ check.expression }} as problem_rows_{{ loop.index }}
            {{- ',' if not loop.last }}
        {%- endfor %}
        from {{ model }}
    )

    {% for check in checks -%}
        select
            '{{ check.column }}' as column_name,
            '{{ check.problem }}' as problem,
            problem_rows_{{ loop.index }} as problem_rows
        from column_counts
        where problem_rows_{{ loop.index }} > 0
        {{ 'union all' if not loop.last }}
    {% endfor %}
{% endtest %}
