{#
    Creates, empty and with their declared columns and types, the given source tables that do
    not exist yet; existing tables are never touched. Used by scripts/build_available.py so a
    user who connects only some systems still gets a complete build: KPIs whose systems have no
    data report no months instead of failing on a missing table.

        dbt run-operation create_missing_source_tables --args '{tables: [crm.deals]}'
#}
{% macro create_missing_source_tables(tables) %}
    {% for source_table in tables %}
        {% set source_name, table_name = source_table.split('.') %}
        {% set matches = graph.sources.values() | selectattr('source_name', 'equalto', source_name) | selectattr('name', 'equalto', table_name) | list %}
        {% if matches | length != 1 %}
            {{ exceptions.raise_compiler_error("create_missing_source_tables: no enabled source table " ~ source_table) }}
        {% endif %}
        {% set src = matches[0] %}
        {% set column_defs = [] %}
        {% for column in src.columns.values() %}
            {% do column_defs.append(adapter.quote(column.name) ~ ' ' ~ (column.data_type or 'varchar')) %}
        {% endfor %}
        {% do run_query("create schema if not exists " ~ src.schema) %}
        {% do run_query("create table if not exists " ~ api.Relation.create(database=src.database, schema=src.schema, identifier=src.identifier) ~ " (" ~ column_defs | join(', ') ~ ")") %}
        {{ log("created empty source table " ~ src.source_name ~ "." ~ src.name ~ " (no data connected for it)", info=False) }}
    {% endfor %}
{% endmacro %}
