{#
    Loads raw source tables from CSV files into the schemas the sources read.

    Every source table declared in a `_<source>__sources.yml` is (re)created with the
    column names and data types of its declaration, so a table always exists with the
    declared contract even when no file is given for it. When
    `<root>/<source_name>/<table>.csv` exists, its rows are inserted by column name; a
    file column that the declaration does not know is an error naming the table and column.

    Used for the bundled demo data (`root: data/demo`) and the fixture scenarios
    (`root: fixtures/<scenario>`). DuckDB-only, like the files it reads.

        dbt run-operation load_raw_tables --args '{root: data/demo}'
#}
{% macro load_raw_tables(root) %}
    {% if not root %}
        {{ exceptions.raise_compiler_error("load_raw_tables: pass the folder holding <source>/<table>.csv, e.g. --args '{root: data/demo}'") }}
    {% endif %}
    {% set sources = graph.sources.values() | selectattr('package_name', 'equalto', project_name) | list %}
    {% set loaded = namespace(files=0, rows=0) %}
    {% for src in sources | sort(attribute='unique_id') %}
        {% set relation = api.Relation.create(database=src.database, schema=src.schema, identifier=src.identifier) %}
        {% set column_defs = [] %}
        {% for column in src.columns.values() %}
            {% do column_defs.append(adapter.quote(column.name) ~ ' ' ~ (column.data_type or 'varchar')) %}
        {% endfor %}
        {% if not column_defs %}
            {{ exceptions.raise_compiler_error("load_raw_tables: source " ~ src.source_name ~ "." ~ src.name ~ " declares no columns; declare each column with its data_type") }}
        {% endif %}
        {% do run_query("create schema if not exists " ~ src.schema) %}
        {% do run_query("create or replace table " ~ relation ~ " (" ~ column_defs | join(', ') ~ ")") %}

        {% set path = root ~ '/' ~ src.source_name ~ '/' ~ src.name ~ '.csv' %}
        {% set found = run_query("select count(*) from glob('" ~ path ~ "')").columns[0].values()[0] %}
        {% if found > 0 %}
            {% set file_columns = run_query("select column_name from (describe select * from read_csv('" ~ path ~ "', header = true, all_varchar = true))").columns[0].values() %}
            {% set declared = src.columns.keys() | list %}
            {% for file_column in file_columns %}
                {% if file_column not in declared %}
                    {{ exceptions.raise_compiler_error("load_raw_tables: " ~ path ~ " has column '" ~ file_column ~ "' that source table " ~ src.source_name ~ "." ~ src.name ~ " does not declare (declared: " ~ declared | join(', ') ~ ")") }}
                {% endif %}
            {% endfor %}
            {% do run_query("insert into " ~ relation ~ " by name select * from read_csv('" ~ path ~ "', header = true, all_varchar = true)") %}
            {% set row_count = run_query("select count(*) from " ~ relation).columns[0].values()[0] %}
            {% set loaded.files = loaded.files + 1 %}
            {% set loaded.rows = loaded.rows + row_count %}
            {{ log("loaded " ~ row_count ~ " rows into " ~ relation ~ " from " ~ path, info=True) }}
        {% else %}
            {{ log("no file for " ~ src.source_name ~ "." ~ src.name ~ " under " ~ root ~ ": created it empty", info=True) }}
        {% endif %}
    {% endfor %}
    {{ log("load_raw_tables: " ~ loaded.rows ~ " rows from " ~ loaded.files ~ " files into " ~ sources | length ~ " source tables", info=True) }}
{% endmacro %}
