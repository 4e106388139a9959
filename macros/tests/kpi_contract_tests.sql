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
