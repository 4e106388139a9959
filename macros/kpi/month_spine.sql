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
    from generate_series(
        cast({{ dbt.date_trunc('month', start_expression) }} as timestamp),
        cast({{ dbt.date_trunc('month', end_expression) }} as timestamp),
        interval 1 month
    ) as months (month_start)
    where true
        {%- if clip_start %} and month_start >= cast('{{ clip_start }}' as timestamp){% endif %}
        {%- if clip_end %} and month_start <= cast('{{ clip_end }}' as timestamp){% endif %}
{%- endmacro %}
