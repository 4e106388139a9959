{#
    Orphan references: rows whose reference (a customer, a buyer, a listing, an opening...)
    has no row in the parent table, usually because that export is missing or behind. Every
    `relationships` test of the project is a warning, not an error, so such rows never skip a
    staging model and with it a whole mart: the rows stay in every KPI, and what only their
    missing parent could tell (a department, a candidate source) is reported as unknown.

    On run end, each relationships test run in the invocation is recorded in
    audit.orphan_references with the number of orphan rows it found (0 included; a later run
    of the same test replaces its row), and one warning line is logged per reference that has
    orphans.
        select * from audit.orphan_references where orphan_rows > 0
#}
{% macro create_orphan_references_table() %}
    {% if execute %}{% do run_query("create schema if not exists audit") %}{% endif %}
    create table if not exists audit.orphan_references (
        child_table {{ dbt.type_string() }},
        child_column {{ dbt.type_string() }},
        parent_table {{ dbt.type_string() }},
        parent_column {{ dbt.type_string() }},
        orphan_rows bigint,
        test_name {{ dbt.type_string() }},
        invocation_id {{ dbt.type_string() }},
        audited_at timestamp
    )
{% endmacro %}

{# 'billing.subscriptions' for a source, the model name for a model. #}
{% macro orphan_relation_label(unique_id) %}
    {% if unique_id in graph.sources %}
        {% set node = graph.sources[unique_id] %}
        {{ return(node.source_name ~ '.' ~ node.name) }}
    {% endif %}
    {{ return(graph.nodes[unique_id].name if unique_id in graph.nodes else unique_id) }}
{% endmacro %}

{% macro record_orphan_references(results) %}
    {% if not execute or flags.WHICH not in ('build', 'test') %}
        {{ return('') }}
    {% endif %}
    {% set rows = [] %}
    {% set test_names = [] %}
    {% for result in results
        if result.node.unique_id in graph.nodes
        and (graph.nodes[result.node.unique_id].get('test_metadata') or {}).get('name') == 'relationships'
        and result.failures is not none %}
        {% set test = graph.nodes[result.node.unique_id] %}
        {# `to` is "source('shop', 'buyers')" or "ref('stg_crm__leads')": the parent's label #}
        {% set parent_table = test.test_metadata.kwargs.get('to', '') | replace('source(', '') | replace('ref(', '')
            | replace(')', '') | replace("'", '') | replace('"', '') | replace(' ', '') | replace(',', '.') %}
        {% set ns = namespace(child_table=parent_table) %}
        {% for node_id in test.depends_on.nodes if orphan_relation_label(node_id) != parent_table %}
            {% set ns.child_table = orphan_relation_label(node_id) %}
        {% endfor %}
        {% set child_table = ns.child_table %}
        {% set parent_column = test.test_metadata.kwargs.get('field', '') %}
        {% do test_names.append("'" ~ test.name ~ "'") %}
        {% do rows.append("('" ~ child_table ~ "', '" ~ test.column_name ~ "', '" ~ parent_table ~ "', '"
            ~ parent_column ~ "', " ~ result.failures ~ ", '" ~ test.name ~ "', '" ~ invocation_id ~ "', current_timestamp)") %}
        {% if result.failures > 0 %}
            {% do exceptions.warn("orphan references: " ~ result.failures ~ " row(s) of " ~ child_table ~ "." ~ test.column_name
                ~ " point to no " ~ parent_table ~ "." ~ parent_column ~ " (parent export missing or behind); they stay in"
                ~ " every KPI and what only the parent tells is unknown; see audit.orphan_references") %}
        {% endif %}
    {% endfor %}
    {% if rows %}
        {% do run_query(create_orphan_references_table()) %}
        {% do run_query(kpi101.audit_replace_rows('audit.orphan_references', 'test_name in (' ~ test_names | join(', ') ~ ')', 'values ' ~ rows | join(', '))) %}
    {% endif %}
    {{ return('') }}
{% endmacro %}
