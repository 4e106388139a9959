{#
    Rep id of a HubSpot owner id column: the id var `hubspot_owner_rep_ids` maps the owner to
    (e.g. {hubspot_owner_rep_ids: {90210: E000001}}, the HRIS employee id our crm contract uses
    for reps), else the owner id as text. Empty stays empty.
#}
{% macro hubspot_rep_id(owner_column) %}
    {%- set rep_ids = var('hubspot_owner_rep_ids', {}) or {} -%}
    {%- if rep_ids -%}
        case cast({{ owner_column }} as {{ dbt.type_string() }})
        {%- for owner_id, rep_id in rep_ids.items() %}
            when '{{ owner_id }}' then '{{ rep_id }}'
        {%- endfor %}
            else cast({{ owner_column }} as {{ dbt.type_string() }})
        end
    {%- else -%}
        cast({{ owner_column }} as {{ dbt.type_string() }})
    {%- endif -%}
{% endmacro %}
