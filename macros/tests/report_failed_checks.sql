{#
    on-run-end: dbt reports a failed column_checks or kpi_mart_checks test only as "Got N
    results"; this prints what broke, e.g. "column_checks: source media.press_mentions, column
    mention_id: 1 row null", by re-running the failed tests' queries (failures are rare, so passing
    builds pay nothing).
#}
{% macro report_failed_checks(results) %}
    {% if not execute or flags.WHICH not in ('build', 'test') %}
        {{ return('') }}
    {% endif %}
    {% for result in results
        if result.status in ('fail', 'warn')
        and result.node.resource_type == 'test'
        and (result.node.test_metadata.name if result.node.test_metadata else none) in ('column_checks', 'kpi_mart_checks') %}
        {% set test_name = result.node.test_metadata.name %}
        {% set ns = namespace(checked='') %}
        {% for node_id in result.node.depends_on.nodes if node_id == result.node.attached_node or node_id.startswith('source.') %}
            {% set ns.checked = ('source ' if node_id.startswith('source.') else 'model ') ~ orphan_relation_label(node_id) %}
        {% endfor %}
        {% for row in run_query(result.node.compiled_code).rows %}
            {% set count = row['problem_rows'] ~ (" row" if row['problem_rows'] == 1 else " rows") %}
            {% if test_name == 'column_checks' %}
                {% set broken = "column " ~ row['column_name'] ~ ": " ~ count ~ " " ~ row['problem'] %}
            {% else %}
                {% set broken = "check " ~ row['check_name'] ~ ": " ~ count %}
            {% endif %}
            {% do log(test_name ~ ": " ~ ns.checked ~ ", " ~ broken ~ " (test " ~ result.node.name ~ ")", info=True) %}
        {% endfor %}
    {% endfor %}
    {{ return('') }}
{% endmacro %}
