{#
    Staging may drop exact duplicate rows and quarantined rows (macros/audit/quarantine.sql),
    nothing else. Each staging model's post-hook compares its row count with its source's and
    records the difference in audit.staging_row_counts, and logs a line when rows were dropped,
    so no row is lost silently. Query:  select * from audit.staging_row_counts where dropped_rows > 0
#}
{% macro create_staging_audit_table() %}
    {# One statement per hook: Spark runs no multi-statement strings. #}
    {% if execute %}{% do run_query("create schema if not exists audit") %}{% endif %}
    create table if not exists audit.staging_row_counts (
        model_name {{ dbt.type_string() }},
        source_table {{ dbt.type_string() }},
        source_rows bigint,
        staged_rows bigint,
        dropped_rows bigint,
        reason {{ dbt.type_string() }},
        audited_at timestamp
    )
{% endmacro %}

{% macro audit_staging_drops() %}
    {% if not execute or model.resource_type != 'model' %}
        {{ return('') }}
    {% endif %}
    {% set adapter_nodes = [] %}
    {% for node_id in model.depends_on.nodes if node_id.startswith('model.') and graph.nodes[node_id].original_file_path.startswith('models/adapters/') %}
        {% do adapter_nodes.append(graph.nodes[node_id]) %}
    {% endfor %}
    {% if model.sources | length == 1 and adapter_nodes | length == 0 %}
        {% set source_node = graph.sources['source.' ~ project_name ~ '.' ~ model.sources[0][0] ~ '.' ~ model.sources[0][1]] %}
        {% set source_label = source_node.source_name ~ '.' ~ source_node.name %}
    {% elif model.sources | length == 0 and adapter_nodes | length == 1 %}
        {# switched to a connector adapter (macro raw_source): audit against the adapter model #}
        {% set source_node = adapter_nodes[0] %}
        {% set source_label = source_node.name %}
    {% else %}
        {{ exceptions.raise_compiler_error("staging model " ~ model.name ~ " must read exactly one raw table (source or connector adapter), it reads " ~ (model.sources | length) ~ " sources and " ~ (adapter_nodes | length) ~ " adapter models") }}
    {% endif %}
    {% set source_relation = api.Relation.create(database=source_node.database, schema=source_node.schema, identifier=source_node.identifier or source_node.alias) %}
    {% set quarantined_rows = kpi101.record_quarantined_rows(source_label) if model.config.meta.get('quarantine_key') else 0 %}
    {% set counts = run_query("select (select count(*) from " ~ source_relation ~ "), (select count(*) from " ~ this ~ ")") %}
    {% set source_rows = counts.columns[0].values()[0] %}
    {% set staged_rows = counts.columns[1].values()[0] %}
    {% set duplicate_rows = source_rows - staged_rows - quarantined_rows %}
    {% if duplicate_rows != 0 %}
        {{ log("staging audit: " ~ model.name ~ " dropped " ~ duplicate_rows ~ " of " ~ source_rows ~ " rows of " ~ source_label ~ " as exact duplicates (see audit.staging_row_counts)", info=True) }}
    {% endif %}
    {% set drop_reasons = [] %}
    {% if duplicate_rows != 0 %}{% do drop_reasons.append("exact duplicate rows removed") %}{% endif %}
    {% if quarantined_rows != 0 %}{% do drop_reasons.append(quarantined_rows ~ " quarantined (audit.quarantined_rows)") %}{% endif %}
    {% set audit_row %}
        values (
            '{{ model.name }}',
            '{{ source_label }}',
            {{ source_rows }},
            {{ staged_rows }},
            {{ source_rows - staged_rows }},
            '{{ drop_reasons | join("; ") or "none dropped" }}',
            current_timestamp
        )
    {% endset %}
    {{ kpi101.audit_replace_rows('audit.staging_row_counts', "model_name = '" ~ model.name ~ "'", audit_row) }}
{% endmacro %}
