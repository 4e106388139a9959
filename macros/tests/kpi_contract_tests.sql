{#
    Generic tests every domain KPI mart carries (see models/marts/*/<domain>_kpis.yml).
#}

{# Each (kpi_id, kpi_name) the mart produces is declared in the catalogue's kpi_outputs. #}
{% test kpi_outputs_in_catalog(model) %}
    select distinct
        mart.kpi_id,
        mart.kpi_name,
        'not declared in seeds/catalog/kpi_outputs.csv' as problem
    from {{ model }} as mart
    left join {{ ref('kpi_outputs') }} as outputs
        on mart.kpi_id = outputs.kpi_id and mart.kpi_name = outputs.kpi_name
    where outputs.kpi_name is null
{% endtest %}

{# Values stay within the bounds kpi_outputs gives their unit (ratios in [0, 1], scores in [-100, 100], ...). #}
{% test kpi_values_within_bounds(model) %}
    select
        mart.kpi_name,
        mart.period_month,
        mart.dimension,
        mart.dimension_value,
        mart.value,
        outputs.min_value,
        outputs.max_value
    from {{ model }} as mart
    inner join {{ ref('kpi_outputs') }} as outputs
        on mart.kpi_name = outputs.kpi_name
    where
        mart.value < outputs.min_value - 1e-9
        or mart.value > outputs.max_value + 1e-9
        or {{ is_not_finite('mart.value') }}
{% endtest %}

{#
    Where a row carries both a numerator and a denominator, its value is their quotient,
    and NULL when the denominator is zero.
#}
{% test kpi_value_is_ratio(model) %}
    select
        kpi_name,
        period_month,
        dimension,
        dimension_value,
        value,
        numerator,
        denominator
    from {{ model }}
    where
        numerator is not null
        and denominator is not null
        and (
            (denominator = 0 and value is not null)
            or (denominator != 0 and value is null)
            or (denominator != 0 and abs(value - numerator / denominator) > 1e-9 * greatest(1, abs(value)))
        )
{% endtest %}

{# Every period_month is the first day of its month. #}
{% test is_first_day_of_month(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} != cast({{ dbt.date_trunc('month', column_name) }} as date)
{% endtest %}

{#
    The contract of a domain KPI mart in one test, one dbt node instead of five: every output
    in the catalogue (kpi_outputs_in_catalog), values within their unit's bounds
    (kpi_values_within_bounds), a row's value its numerator over its denominator
    (kpi_value_is_ratio), breakdowns adding up to the `all` row (kpi_breakdowns_sum_to_all) and
    period_month the first day of its month (is_first_day_of_month). Fails with one row per broken
    check: check_name and problem_rows (the rows that check returns; run it alone to see them).
#}
{% test kpi_mart_checks(model) %}
    {%- set checks = [
        ('kpi_outputs_in_catalog', kpi101.test_kpi_outputs_in_catalog(model)),
        ('kpi_values_within_bounds', kpi101.test_kpi_values_within_bounds(model)),
        ('kpi_value_is_ratio', kpi101.test_kpi_value_is_ratio(model)),
        ('kpi_breakdowns_sum_to_all', kpi101.test_kpi_breakdowns_sum_to_all(model)),
        ('is_first_day_of_month', kpi101.test_is_first_day_of_month(model, 'period_month')),
    ] -%}
    {% for check_name, check_sql in checks %}
        select
            check_name,
            problem_rows
        from (
            select
                '{{ check_name }}' as check_name,
                count(*) as problem_rows
            from (
                {{ check_sql }}
            ) as failing_rows
        ) as counted
        where problem_rows > 0
        {{ 'union all' if not loop.last }}
    {% endfor %}
{% endtest %}
