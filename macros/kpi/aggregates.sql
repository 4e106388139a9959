{# Median (continuous, interpolated) of an expression; an aggregate. #}
{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'kpi101')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    quantile_cont({{ expression }}, 0.5)
{%- endmacro %}

{% macro postgres__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro spark__median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}

{# Monday of the ISO week holding a date or timestamp, as a date. #}
{% macro iso_week_start(expression) -%}
    cast({{ dbt.date_trunc('week', expression) }} as date)
{%- endmacro %}
