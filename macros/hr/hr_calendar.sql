{#
    Calendar helpers of the hr domain.
    hr_day_spine: one row per calendar day (column `calendar_date`) from the first day of the
    month of start_expression to the last day of the month of end_expression.
    hr_is_weekday: true for Monday-Friday.
#}
{% macro hr_day_spine(start_expression, end_expression) -%}
    select cast(day_start as date) as calendar_date
    from {{ timestamp_series(
        'cast(' ~ dbt.date_trunc('month', start_expression) ~ ' as timestamp)',
        'cast(' ~ dbt.date_trunc('month', end_expression) ~ ' as timestamp) + ' ~ interval_literal(1, 'month') ~ ' - ' ~ interval_literal(1, 'day'),
        1, 'day', 'day_series', 'day_start'
    ) }}
{%- endmacro %}

{% macro hr_is_weekday(date_expression) -%}
    ({{ iso_day_of_week(date_expression) }} between 1 and 5)
{%- endmacro %}

{# Last day of the month starting at month_expression (a date). #}
{% macro hr_month_end(month_expression) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, month_expression)) }} as date)
{%- endmacro %}
