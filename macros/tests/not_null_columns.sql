{#
    Every listed column of a model is free of NULLs, checked in one scan of the model instead of
    one `not_null` test (a node of its own, and a query that re-computes a view) per column.
    Fails with one row per column that has NULLs: column_name, null_rows.
#}
{% test not_null_columns(model, columns) %}
    with null_counts as (
        select
        {%- for column in columns %}
            sum(case when {{ adapter.quote(column) }} is null then 1 else 0 end) as null_rows_{{ loop.index }}
            {{- ',' if not loop.last }}
        {%- endfor %}
        from {{ model }}
    )

    {% for column in columns -%}
        select
            '{{ column }}' as column_name,
            null_rows_{{ loop.index }} as null_rows
        from null_counts
        where null_rows_{{ loop.index }} > 0
        {{ 'union all' if not loop.last }}
    {% endfor %}
{% endtest %}
