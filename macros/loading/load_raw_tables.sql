{#
    Loads raw source tables from `<root>/<source_name>/<table>.csv` into the schemas the
    sources read, typed and checked, all or nothing.

        dbt run-operation load_raw_tables --args '{root: data/demo}'

    1. Files: every `*.csv` one folder below root must be a declared source table, with the
       exact (case-sensitive) name; at least one declared file must be there. A declared
       table without a file is created empty with its declared columns.
    2. Each file is read as text (comma, double quote, UTF-8, header line) into a temporary
       table. Encoding errors, unterminated quotes and rows with too many or too few fields
       are reported with their line. The header must name each column once, declared; a
       declared column may be absent only when its source contract marks it
       `config: {meta: {optional: true}}` (each absence is printed and the column loaded as NULL).
    3. Every value is cast explicitly to its declared data_type. A value that does not cast
       (an impossible date, a day-first date, a fraction in an integer column, more decimals
       than a decimal column keeps) is an error with its count and the first lines and values.
    4. Only when every file passed are the raw tables replaced, all in one transaction;
       otherwise nothing is written and the previous raw tables stay as they were.

    All problems of all files are reported together. Line numbers count the header as line 1
    (blank lines are skipped by the reader and not counted).
#}
{% macro load_raw_tables(root) %}
    {% if root is not string or not root %}
        {{ exceptions.raise_compiler_error("load_raw_tables: pass the folder holding <source>/<table>.csv, e.g. --args '{root: data/demo}'") }}
    {% endif %}
    {% set root = root.rstrip('/') if root.rstrip('/') else root %}
    {% set sources = graph.sources.values() | selectattr('package_name', 'equalto', project_name) | sort(attribute='unique_id') | list %}
    {% set errors = [] %}
    {% set notes = [] %}
    {% set loaded = namespace(files=0) %}

    {% for src in sources %}
        {% if '"' in src.schema or not src.schema %}
            {% do errors.append("source " ~ src.source_name ~ ": schema name " ~ src.schema ~ " (from var source_schemas) must be non-empty and must not contain a double quote") %}
        {% endif %}
        {% if not src.columns %}
            {% do errors.append("source table " ~ src.source_name ~ "." ~ src.name ~ " declares no columns; declare each column with its data_type") %}
        {% endif %}
    {% endfor %}
    {% if errors %}
        {{ exceptions.raise_compiler_error("load_raw_tables: nothing loaded:\n  - " ~ errors | join("\n  - ")) }}
    {% endif %}

    {# 1. Match the files found under root with the declared tables. #}
    {% set root_problem = kpi101.loader_root_problem(root) %}
    {% if root_problem %}
        {{ exceptions.raise_compiler_error("load_raw_tables: nothing loaded: " ~ root_problem) }}
    {% endif %}
    {% set found_files = run_query(kpi101.loader_list_csv_files(root)).columns[0].values() | list %}
    {% set expected = {} %}
    {% for src in sources %}
        {% do expected.update({(root ~ '/' ~ src.source_name ~ '/' ~ src.name ~ '.csv'): src}) %}
    {% endfor %}
    {% set expected_lower = {} %}
    {% for path in expected %}
        {% do expected_lower.update({path.lower(): path}) %}
    {% endfor %}
    {% for file in found_files if file not in expected %}
        {% if file.lower() in expected_lower %}
            {% do errors.append(file ~ ": file names are case-sensitive; rename it to " ~ expected_lower[file.lower()]) %}
        {% else %}
            {% do errors.append(file ~ ": not a declared source table (expected <source>/<table>.csv of a table in models/staging/*/contract/_<source>__sources.yml)") %}
        {% endif %}
    {% endfor %}
    {% if not (found_files | select('in', expected) | list) and not errors %}
        {% do errors.append(root ~ ": no declared <source>/<table>.csv file found; the folder does not exist or holds none of the declared files") %}
    {% endif %}
    {% if errors %}
        {{ exceptions.raise_compiler_error("load_raw_tables: nothing loaded, previous raw tables unchanged:\n  - " ~ errors | join("\n  - ")) }}
    {% endif %}

    {# 2. and 3. Read, check and type each file into a temporary table. #}
    {% set staged = {} %}
    {% for src in sources %}
        {% set table_name = src.source_name ~ "." ~ src.name %}
        {% set path = root ~ '/' ~ src.source_name ~ '/' ~ src.name ~ '.csv' %}
        {% set typed_table = 'load_typed_' ~ loop.index %}
        {% if path in found_files %}
            {% set problems = load_raw_file(src, path, loop.index, typed_table, notes) %}
            {% if problems %}
                {% for problem in problems %}
                    {% do errors.append(table_name ~ " (" ~ path ~ "): " ~ problem) %}
                {% endfor %}
            {% else %}
                {% set loaded.files = loaded.files + 1 %}
                {% do staged.update({src.unique_id: typed_table}) %}
            {% endif %}
        {% else %}
            {% do notes.append("no file for " ~ table_name ~ " under " ~ root ~ ": it will be empty") %}
        {% endif %}
    {% endfor %}
    {% for note in notes %}
        {{ log(note, info=True) }}
    {% endfor %}
    {% if errors %}
        {{ exceptions.raise_compiler_error("load_raw_tables: " ~ errors | length ~ " problem(s); nothing loaded, previous raw tables unchanged:\n  - " ~ errors | join("\n  - ")) }}
    {% endif %}

    {# 4. Replace every raw table in one transaction. #}
    {% do run_query(kpi101.loader_begin_transaction()) %}
    {% for schema in sources | map(attribute='schema') | unique %}
        {% do run_query("create schema if not exists " ~ sql_identifier(schema)) %}
    {% endfor %}
    {% for src in sources %}
        {% set relation = sql_identifier(src.schema) ~ "." ~ sql_identifier(src.identifier) %}
        {% if src.unique_id in staged %}
            {% do run_query(kpi101.loader_replace_table_as(relation, "select * from " ~ staged[src.unique_id])) %}
        {% else %}
            {% set column_defs = [] %}
            {% for column in src.columns.values() %}
                {% do column_defs.append(sql_identifier(column.name) ~ ' ' ~ raw_column_type(column)) %}
            {% endfor %}
            {% do run_query(kpi101.loader_replace_table(relation, column_defs | join(', '))) %}
        {% endif %}
    {% endfor %}
    {% do run_query(kpi101.loader_commit_transaction()) %}
    {{ log("load_raw_tables: " ~ loaded.files ~ " files into " ~ sources | length ~ " source tables, replaced together", info=True) }}
{% endmacro %}


{# Whether the source contract lets the column be absent from a file: meta optional: true. #}
{% macro raw_column_is_optional(column) -%}
    {{ return(((column.config or {}).get('meta') or {}).get('optional') or (column.meta or {}).get('optional') or false) }}
{%- endmacro %}


{# The declared data_type of a source column (varchar when none is declared). #}
{% macro raw_column_type(column) -%}
    {{ return(adapter.dispatch('raw_column_type', 'kpi101')(column)) }}
{%- endmacro %}

{% macro default__raw_column_type(column) -%}
    {{ return(column.data_type or 'varchar') }}
{%- endmacro %}

{# PostgreSQL spells DuckDB's double `double precision`. #}
{% macro postgres__raw_column_type(column) -%}
    {% set data_type = column.data_type or 'varchar' %}
    {{ return('double precision' if data_type | trim | lower == 'double' else data_type) }}
{%- endmacro %}

{# Spark's text type is string (varchar needs a length) and its timestamp is UTC-normalised. #}
{% macro spark__raw_column_type(column) -%}
    {% set data_type = (column.data_type or 'varchar') | trim | lower %}
    {{ return({'varchar': 'string', 'text': 'string', 'float8': 'double', 'timestamptz': 'timestamp', 'timestamp with time zone': 'timestamp'}.get(data_type, data_type)) }}
{%- endmacro %}


{#
    Reads one file into the temporary table `typed_table` with the declared column types.
    Returns a list of problems (empty when the file loaded); appends absences to `notes`.
#}
{% macro load_raw_file(src, path, index, typed_table, notes) %}
    {% set problems = [] %}
    {% set path_literal = sql_string_literal(path) %}
    {% set text_table = 'load_text_' ~ index %}
    {% set rejects_table = 'load_rejects_' ~ index %}

    {# The header line alone, unparsed, to know how many fields the file has. #}
    {% set header_lines = run_query(kpi101.loader_header_line_query(path_literal)).columns[0].values() %}
    {% if not header_lines or not header_lines[0] %}
        {% do problems.append("empty file: no header line") %}
        {{ return(problems) }}
    {% endif %}
    {% set field_count = header_lines[0].split(',') | length %}
    {# Read the file as text; one round trip lists what the reader rejected. #}
    {% set rejects = run_query(kpi101.loader_read_text_query(path_literal, text_table, rejects_table, field_count)) %}
    {% if rejects.rows | length > 0 %}
        {% set examples = [] %}
        {% for row in rejects.rows %}
            {% do examples.append("line " ~ row['line'] ~ ": " ~ row['error_message'] ~ " [" ~ row['error_type'] ~ "] in: " ~ row['csv_line']) %}
        {% endfor %}
        {% do problems.append(rejects.rows[0]['reject_count'] ~ " unreadable line(s) (CSV must be UTF-8, comma-separated, double-quoted): " ~ examples | join('; ')) %}
        {{ return(problems) }}
    {% endif %}

    {% set field_columns = [] %}
    {% for i in range(field_count) %}
        {% do field_columns.append('field_' ~ i) %}
    {% endfor %}
    {% set header = run_query("select " ~ field_columns | join(', ') ~ " from " ~ text_table ~ " where rowid = 0").rows[0] | list %}
    {% set declared = src.columns.keys() | list %}
    {% set positions = {} %}
    {% for name in header %}
        {% if name is none or name | trim == '' %}
            {% do problems.append("header column " ~ loop.index ~ " has no name") %}
        {% elif name in positions %}
            {% do problems.append("header names column '" ~ name ~ "' twice (columns " ~ (positions[name] + 1) ~ " and " ~ loop.index ~ ")") %}
        {% elif name not in declared %}
            {% do problems.append("column '" ~ name ~ "' is not declared for this source table (declared: " ~ declared | join(', ') ~ ")") %}
        {% else %}
            {% do positions.update({name: loop.index0}) %}
        {% endif %}
    {% endfor %}
    {% for name, column in src.columns.items() if name not in positions and not problems %}
        {% if raw_column_is_optional(column) %}
            {% do notes.append(src.source_name ~ "." ~ src.name ~ ": optional column '" ~ name ~ "' is absent from " ~ path ~ "; loaded as NULL") %}
        {% else %}
            {% do problems.append("required column '" ~ name ~ "' is missing from the header (mark it config: {meta: {optional: true}} in the source contract if it may be absent)") %}
        {% endif %}
    {% endfor %}
    {% if problems %}
        {{ return(problems) }}
    {% endif %}

    {# One scan finds, per column, the values that do not cast exactly to the declared type. #}
    {% set checks = [] %}
    {% for name, column in src.columns.items() if name in positions %}
        {% set data_type = raw_column_type(column) | trim | lower %}
        {% if data_type not in ('varchar', 'text', 'string') %}
            {% set field = 'field_' ~ positions[name] %}
            {% set check = kpi101.loader_bad_values_query(name, data_type, field, text_table) %}
            {% do checks.append(check) %}
        {% endif %}
    {% endfor %}
    {% if checks %}
        {% set failures = run_query(checks | join(' union all ') ~ ' order by column_name') %}
        {% for row in failures.rows %}
            {% do problems.append("column '" ~ row['column_name'] ~ "': " ~ row['bad_count'] ~ " value(s) are not a valid " ~ row['data_type'] ~ " (e.g. " ~ row['examples'] ~ ")") %}
        {% endfor %}
    {% endif %}
    {% if problems %}
        {{ return(problems) }}
    {% endif %}

    {% set typed_columns = [] %}
    {% for name, column in src.columns.items() %}
        {% if name in positions %}
            {% do typed_columns.append("cast(field_" ~ positions[name] ~ " as " ~ raw_column_type(column) ~ ") as " ~ sql_identifier(name)) %}
        {% else %}
            {% do typed_columns.append("cast(null as " ~ raw_column_type(column) ~ ") as " ~ sql_identifier(name)) %}
        {% endif %}
    {% endfor %}
    {% set type_query %}
        {{ kpi101.loader_replace_temp_table_as(typed_table, "select " ~ typed_columns | join(', ') ~ " from " ~ text_table ~ " where rowid > 0 order by rowid") }}
    {% endset %}
    {# One statement per call: Spark runs no multi-statement strings. #}
    {% do run_query(type_query) %}
    {% do run_query(kpi101.loader_drop_temp_table(text_table)) %}
    {% set row_count = run_query("select count(*) from " ~ typed_table).columns[0].values()[0] %}
    {% do notes.append("read " ~ row_count ~ " rows for " ~ src.source_name ~ "." ~ src.name ~ " from " ~ path) %}
    {{ return(problems) }}
{% endmacro %}


{#
    SQL condition: the text in `field` does not cast exactly to `data_type`. Beyond a failed
    cast, an integer must be written as one (no '1.5' rounded to 2) and a decimal must not
    lose digits to the declared scale.
#}
{% macro raw_value_does_not_cast(field, data_type) -%}
    {{ return(adapter.dispatch('raw_value_does_not_cast', 'kpi101')(field, data_type)) }}
{%- endmacro %}

{% macro default__raw_value_does_not_cast(field, data_type) -%}
    (
        try_cast({{ field }} as {{ data_type }}) is null
        {%- if data_type in ('tinyint', 'smallint', 'integer', 'int', 'bigint', 'hugeint') %}
            or not regexp_full_match(trim({{ field }}), '[+-]?[0-9]+')
        {%- elif data_type.startswith('decimal') or data_type.startswith('numeric') %}
            or try_cast({{ field }} as decimal(38, 18)) is distinct from try_cast({{ field }} as {{ data_type }})
        {%- endif %}
    )
{%- endmacro %}
