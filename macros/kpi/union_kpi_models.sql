{#
    A domain mart: the union of its KPI models, each already in the contract shape.
    With no models yet it is an empty, correctly typed relation.
#}
{% macro union_kpi_models(model_names) -%}
    {%- if model_names | length == 0 -%}
        select {{ kpi_columns(0, 'none', value='null', period_month='null') }}
        where false
    {%- else -%}
        {%- for model_name in model_names %}
            select {{ kpi_column_names() }} from {{ ref(model_name) }}
            {%- if not loop.last %}
            union all
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
