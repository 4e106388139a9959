{#
    Calendar helpers of the hr domain (DuckDB syntax kept here).
    hr_day_spine: one row per calendar day (column `calendar_date`) from the first day of the
    month of start_expression to the last day of the month of end_expression.
    hr_is_weekday: true for Monday-Friday.
#}
{% macro hr_day_spine(start_expression, end_expression) -%}
    {{ return(adapter.dispatch('hr_day_spine', 'kpi101')(start_expression, end_expression)) }}
{%- endmacro %}

{% macro default__hr_day_spine(start_expression, end_expression) -%}
    select cast(day_start as date) as calendar_date
    from generate_series(
        cast({{ dbt.date_trunc('month', start_expression) }} as timestamp),
        cast({{ dbt.date_trunc('month', end_expression) }} as timestamp) + interval 1 month - interval 1 day,
        interval 1 day
    ) as day_series (day_start)
{%- endmacro %}

{% macro hr_is_weekday(date_expression) -%}
    {{ return(adapter.dispatch('hr_is_weekday', 'kpi101')(date_expression)) }}
{%- endmacro %}

{% macro default__hr_is_weekday(date_expression) -%}
    (isodow({{ date_expression }}) between 1 and 5)
{%- endmacro %}

{# Last day of the month starting at month_expression (a date). #}
{% macro hr_month_end(month_expression) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, month_expression)) }} as date)
{%- endmacro %}
