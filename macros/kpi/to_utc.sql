{# A raw timestamp with time zone (any offset) as a plain UTC timestamp. #}
{% macro to_utc(column) -%}
    {{ return(adapter.dispatch('to_utc', 'kpi101')(column)) }}
{%- endmacro %}

{% macro default__to_utc(column) -%}
    cast(timezone('UTC', cast({{ column }} as timestamptz)) as timestamp)
{%- endmacro %}

{# Spark keeps instants in the session time zone, UTC in our profiles. #}
{% macro spark__to_utc(column) -%}
    cast({{ column }} as timestamp)
{%- endmacro %}
