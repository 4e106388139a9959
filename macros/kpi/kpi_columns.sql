{#
    The select list of the KPI mart contract, with its types. Every KPI model ends with
        select {{ kpi_columns(41, 'arpa', value='...', numerator='...', denominator='...') }}
        from ...
    value defaults to numerator / denominator (NULL on a zero denominator) when both are given.
#}
{% macro kpi_columns(
    kpi_id,
    kpi_name,
    value=none,
    numerator=none,
    denominator=none,
    period_month='period_month',
    dimension="'all'",
    dimension_value="'all'",
    is_complete='true'
) -%}
    {%- if value is none and numerator is not none and denominator is not none -%}
        {%- set value = safe_divide(numerator, denominator) -%}
    {%- endif -%}
    {%- if value is none -%}
        {{ exceptions.raise_compiler_error("kpi_columns(" ~ kpi_name ~ "): give a value, or a numerator and a denominator") }}
    {%- endif -%}
    cast({{ kpi_id }} as integer) as kpi_id,
    cast('{{ kpi_name }}' as {{ dbt.type_string() }}) as kpi_name,
    cast({{ period_month }} as date) as period_month,
    cast({{ dimension }} as {{ dbt.type_string() }}) as dimension,
    cast({{ dimension_value }} as {{ dbt.type_string() }}) as dimension_value,
    cast({{ value }} as {{ type_double() }}) as value,
    cast({{ numerator if numerator is not none else 'null' }} as {{ type_double() }}) as numerator,
    cast({{ denominator if denominator is not none else 'null' }} as {{ type_double() }}) as denominator,
    cast({{ is_complete }} as boolean) as is_complete
{%- endmacro %}

{# The contract's column names, in order. #}
{% macro kpi_column_names() -%}
    kpi_id, kpi_name, period_month, dimension, dimension_value, value, numerator, denominator, is_complete
{%- endmacro %}
