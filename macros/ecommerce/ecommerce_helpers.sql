{#
    Whether a traffic source is a paid channel (paid_search, paid_social, display: the paid
    acquisition channels of the company's vocabulary). Used for fct_orders.is_paid_traffic.
#}
{% macro is_paid_traffic_source(column) -%}
    ({{ column }} in ('paid_search', 'paid_social', 'display'))
{%- endmacro %}

{#
    One row per ISO week (Monday 00:00 UTC to the next Monday, half-open) whose start falls
    in a month of the given month spine relation: columns period_month (the month the week
    starts in), week_start (date), week_start_at and week_end_at (timestamps).
#}
{% macro iso_weeks_starting_in_months(months_relation) -%}
    select
        cast({{ dbt.date_trunc('month', 'week_start_at') }} as date) as period_month,
        cast(week_start_at as date) as week_start,
        week_start_at,
        week_start_at + {{ interval_literal(7, 'day') }} as week_end_at
    from {{ timestamp_series(
        'cast(' ~ dbt.date_trunc('week', '(select min(period_month) from ' ~ months_relation ~ ')') ~ ' as timestamp)',
        'cast((select max(period_month) from ' ~ months_relation ~ ') as timestamp) + ' ~ interval_literal(1, 'month'),
        7, 'day', 'weeks', 'week_start_at'
    ) }}
    where cast({{ dbt.date_trunc('month', 'week_start_at') }} as date) in (select period_month from {{ months_relation }})
{%- endmacro %}
