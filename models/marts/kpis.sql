-- Every domain's KPI rows in one relation, keyed by domain and the mart grain.
{%- set domains = ['startup', 'ecommerce', 'finance', 'marketing', 'saas', 'sales', 'mobile_app', 'hr', 'support'] %}

with final as (
    {%- for domain in domains %}
        select
            '{{ domain }}' as domain,
            {{ kpi_column_names() }}
        from {{ ref(domain ~ '_kpis') }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
)

select * from final
