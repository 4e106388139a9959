{#
    Sum of a fractional (double) expression that does not depend on the order DuckDB adds the
    rows in: each term is rounded to 18 decimal places and summed as a decimal, which is exact.
    A plain sum(double) differs in the last bits between builds and thread counts.
#}
{% macro exact_sum(expression) -%}
    sum(cast({{ expression }} as decimal(38, 18)))
{%- endmacro %}
