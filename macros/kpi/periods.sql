{# Last calendar day of the month starting at `period_month` (a date). #}
{% macro month_last_day(period_month) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, period_month)) }} as date)
{%- endmacro %}

{# First instant of the month after `period_month`, as a timestamp: the "end of M" boundary. #}
{% macro next_month_start(period_month) -%}
    cast({{ dbt.dateadd('month', 1, period_month) }} as timestamp)
{%- endmacro %}

{#
    Cohort completeness: the cohort of month `period_month` is complete when a member who
    entered at the last instant of the month has had its full window of `window_days` days
    by `data_end` (the first instant after the spine's last month).
#}
{% macro cohort_is_complete(period_month, window_days, data_end) -%}
    (cast({{ dbt.dateadd('day', window_days, next_month_start(period_month)) }} as timestamp) <= cast({{ data_end }} as timestamp))
{%- endmacro %}

{#
    The end of the data for cohort completeness: the first instant after the last month of a
    month spine (a scalar subquery over the spine relation or CTE `months`).
#}
{% macro spine_data_end(months) -%}
    (select max({{ next_month_start('data_end_spine.period_month') }}) from {{ months }} as data_end_spine)
{%- endmacro %}
