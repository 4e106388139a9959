{#
    One row per calendar month (column `period_month`, first day of the month) from the
    month of `start_expression` to the month of `end_expression`, both SQL expressions
    (usually scalar subqueries over a fact). The optional vars reporting_start_month and
    reporting_end_month clip the range.
#}
{% macro month_spine(start_expression, end_expression) -%}
    {%- set clip_start = var('reporting_start_month', none) -%}
    {%- set clip_end = var('reporting_end_month', none) -%}
    select cast(month_start as date) as period_month
    from {{ timestamp_series(
        'cast(' ~ dbt.date_trunc('month', start_expression) ~ ' as timestamp)',
        'cast(' ~ dbt.date_trunc('month', end_expression) ~ ' as timestamp)',
        1, 'month', 'months', 'month_start'
    ) }}
    where true
        {%- if clip_start %} and month_start >= cast({{ sql_string_literal(clip_start) }} as timestamp){% endif %}
        {%- if clip_end %} and month_start <= cast({{ sql_string_literal(clip_end) }} as timestamp){% endif %}
{%- endmacro %}

{#
    The whole body of a domain's month spine model: months from the earliest to the latest
    activity found in the given (relation, timestamp or date column) pairs, each relation
    scanned once for its min and max.

        {{ activity_month_spine([
            [ref('stg_media__press_mentions'), 'published_at'],
            [ref('stg_web__sessions'), 'started_at'],
        ]) }}
#}
{% macro activity_month_spine(activity_columns) -%}
    with
    source_bounds as (
        {%- for relation, column in activity_columns %}
            select
                min(cast({{ column }} as timestamp)) as first_activity_at,
                max(cast({{ column }} as timestamp)) as last_activity_at
            from {{ relation }}
            {%- if not loop.last %}
                union all
            {%- endif %}
        {%- endfor %}
    ),

    activity_bounds as (
        select
            min(first_activity_at) as first_activity_at,
            max(last_activity_at) as last_activity_at
        from source_bounds
    ),

    final as (
        {{ month_spine(
            '(select first_activity_at from activity_bounds)',
            '(select last_activity_at from activity_bounds)'
        ) }}
    )

    select * from final
{%- endmacro %}
