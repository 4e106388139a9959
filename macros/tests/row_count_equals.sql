{# Fails (one row stating both counts) unless the model has exactly `expected` rows. #}
{% test row_count_equals(model, expected) %}
    select
        count(*) as actual_rows,
        {{ expected }} as expected_rows
    from {{ model }}
    having count(*) != {{ expected }}
{% endtest %}
