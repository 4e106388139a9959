{#
    Sum of a fractional (double) expression that does not depend on the order the engine adds
    the rows in: each term is rounded to 18 decimal places and summed as a decimal, which is
    exact. A plain sum(double) differs in the last bits between builds and thread counts.
#}
{% macro exact_sum(expression) -%}
    {{ return(adapter.dispatch('exact_sum', 'kpi101')(expression)) }}
{%- endmacro %}

{% macro default__exact_sum(expression) -%}
    sum(cast({{ expression }} as decimal(38, 18)))
{%- endmacro %}

{#
    The exact sum rounded once to a double: dbt-postgres reports a numeric result's type
    without its scale, so unit tests would compare 1.000000000000000000 with 1 as text.
#}
{% macro postgres__exact_sum(expression) -%}
    cast(sum(cast({{ expression }} as decimal(38, 18))) as double precision)
{%- endmacro %}
