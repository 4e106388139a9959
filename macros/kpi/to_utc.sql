{# A raw timestamp with time zone (any offset) as a plain UTC timestamp. #}
{% macro to_utc(column) -%}
    {{ return(adapter.dispatch('to_utc', 'kpi101')(column)) }}
{%- endmacro %}

{% macro default__to_utc(column) -%}
    cast(timezone('UTC', cast({{ column }} as timestamptz)) as timestamp)
{%- endmacro %}

{#
    DuckDB: the instant's microseconds since the epoch read back as a plain timestamp, which is its
    UTC wall time whatever the session time zone; the same result as timezone('UTC', ...) without
    the ICU time-zone lookup per row (a third of a second per 300k rows).
#}
{% macro duckdb__to_utc(column) -%}
    make_timestamp(epoch_us(cast({{ column }} as timestamptz)))
{%- endmacro %}

{# Spark keeps instants in the session time zone, UTC in our profiles. #}
{% macro spark__to_utc(column) -%}
    cast({{ column }} as timestamp)
{%- endmacro %}
