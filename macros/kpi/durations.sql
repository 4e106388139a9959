{#
    Elapsed time between two timestamps as a fractional number (spec: durations are elapsed
    time in the stated unit; days = hours / 24). For date-only fields use
    dbt.datediff(start, end, 'day'), which counts calendar days.
#}
{% macro seconds_between(start_at, end_at) -%}
    {{ return(adapter.dispatch('seconds_between', 'kpi101')(start_at, end_at)) }}
{%- endmacro %}

{% macro default__seconds_between(start_at, end_at) -%}
    (epoch(cast({{ end_at }} as timestamp)) - epoch(cast({{ start_at }} as timestamp)))
{%- endmacro %}

{% macro postgres__seconds_between(start_at, end_at) -%}
    cast(extract(epoch from (cast({{ end_at }} as timestamp) - cast({{ start_at }} as timestamp))) as double precision)
{%- endmacro %}

{% macro spark__seconds_between(start_at, end_at) -%}
    (cast(cast({{ end_at }} as timestamp) as double) - cast(cast({{ start_at }} as timestamp) as double))
{%- endmacro %}

{% macro hours_between(start_at, end_at) -%}
    ({{ seconds_between(start_at, end_at) }} / 3600.0)
{%- endmacro %}

{% macro days_between(start_at, end_at) -%}
    ({{ seconds_between(start_at, end_at) }} / 86400.0)
{%- endmacro %}
