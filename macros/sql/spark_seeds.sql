{#
    dbt-spark's session method pastes seed values into the insert as '<value>' without
    escaping, so an apostrophe breaks the statement and an empty cell becomes the text 'None'.
    The values are written as literals here instead: NULL for an empty cell, otherwise an
    escaped string literal cast to the column's type.
#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {% set column_override = model['config'].get('column_types', {}) %}
    {% set column_types = [] %}
    {% for column_name in agate_table.column_names %}
        {% do column_types.append(column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) %}
    {% endfor %}
    {% set statements = [] %}
    {% for chunk in agate_table.rows | batch(get_batch_size()) %}
        {% set rows = [] %}
        {% for row in chunk %}
            {% set values = [] %}
            {% for value in row %}
                {% if value is none %}
                    {% do values.append('cast(null as ' ~ column_types[loop.index0] ~ ')') %}
                {% else %}
                    {% do values.append('cast(' ~ kpi101.sql_string_literal(value) ~ ' as ' ~ column_types[loop.index0] ~ ')') %}
                {% endif %}
            {% endfor %}
            {% do rows.append('(' ~ values | join(', ') ~ ')') %}
        {% endfor %}
        {% set sql = 'insert into ' ~ this.render() ~ ' values ' ~ rows | join(', ') %}
        {% do adapter.add_query(sql, abridge_sql_log=True) %}
        {% if loop.index0 == 0 %}
            {% do statements.append(sql) %}
        {% endif %}
    {% endfor %}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}
