{#
    Growth rate columns of a monthly quantity over a complete month spine (no gaps):
    numerator = X(M) - X(M-1), denominator = X(M-1). The first month has no previous
    month, so both are NULL and so is the value; X(M-1) = 0 gives a NULL value.
    Use inside a select that has one row per period_month (and per partition, if any).
#}
{% macro growth_numerator(quantity, partition_by=none) -%}
    ({{ quantity }} - lag({{ quantity }}) over ({% if partition_by %}partition by {{ partition_by }} {% endif %}order by period_month))
{%- endmacro %}

{% macro growth_denominator(quantity, partition_by=none) -%}
    lag({{ quantity }}) over ({% if partition_by %}partition by {{ partition_by }} {% endif %}order by period_month)
{%- endmacro %}
