{{ config(enabled=adapter_enabled('helpdesk', 'zendesk')) }}

-- Helper: the support tier of every Zendesk group, from var zendesk_group_tiers
-- ({group name: tier}, names matched case-insensitively); unmapped groups are tier 1.
{% set group_tiers = var('zendesk_group_tiers', {}) or {} %}
with
groups as (
    select * from {{ source('zendesk', 'group') }}
),

final as (
    select
        id as group_id,
        cast(name as {{ dbt.type_string() }}) as group_name,
        {% if group_tiers -%}
            case
                {%- for group_name, tier in group_tiers.items() %}
                    when lower(name) = lower({{ sql_string_literal(group_name) }}) then {{ tier | int }}
                {%- endfor %}
                else 1
            end
        {%- else -%}
            1
        {%- endif %} as tier
    from groups
)

select * from final
