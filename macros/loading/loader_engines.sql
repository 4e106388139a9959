{#
    The engine-specific statements of load_raw_tables (DuckDB default, PostgreSQL and Spark
    beside it). DuckDB reads the files itself (read_csv, glob). PostgreSQL reads them on the
    database server (COPY FROM, pg_ls_dir, pg_read_binary_file): the root must be an absolute
    path the server can read, and the user needs the pg_read_server_files role (or superuser).
    Spark reads them with its csv, text and binaryFile sources on the driver's file system
    (a Thrift server's or cluster's, not the client's) into cached temporary views; it has no
    transactions, so the raw tables are replaced one after another once every file passed.
#}

{# A problem with the root folder that stops the load before reading, or ''. #}
{% macro loader_root_problem(root) -%}
    {{ return(adapter.dispatch('loader_root_problem', 'kpi101')(root)) }}
{%- endmacro %}

{% macro default__loader_root_problem(root) -%}
    {{ return('') }}
{%- endmacro %}

{% macro postgres__loader_root_problem(root) -%}
    {% if not root.startswith('/') %}
        {{ return("on PostgreSQL the database server reads the files: give root as an absolute path on the server, got " ~ root) }}
    {% endif %}
    {{ return('') }}
{%- endmacro %}

{# Query: one column, the path of every *.csv one folder below root, sorted. #}
{% macro loader_list_csv_files(root) -%}
    {{ return(adapter.dispatch('loader_list_csv_files', 'kpi101')(root)) }}
{%- endmacro %}

{% macro default__loader_list_csv_files(root) -%}
    select file from glob({{ sql_string_literal(root ~ '/*/*') }}) where lower(file) like '%.csv' order by file
{%- endmacro %}

{% macro postgres__loader_list_csv_files(root) -%}
    {%- set root_literal = sql_string_literal(root) -%}
    select folders.folder_path || '/' || files.file_name as file
    from (
        select {{ root_literal }} || '/' || entry as folder_path
        from pg_ls_dir({{ root_literal }}, true, false) as entries (entry)
        where (pg_stat_file({{ root_literal }} || '/' || entry)).isdir
    ) as folders
    cross join lateral pg_ls_dir(folders.folder_path, true, false) as files (file_name)
    where lower(files.file_name) like '%.csv'
    order by 1
{%- endmacro %}

{# Query: the first line of the file, unparsed (one row, one column). #}
{% macro loader_header_line_query(path_literal) -%}
    {{ return(adapter.dispatch('loader_header_line_query', 'kpi101')(path_literal)) }}
{%- endmacro %}

{% macro default__loader_header_line_query(path_literal) -%}
    select line from read_csv({{ path_literal }}, header = false, auto_detect = false,
        columns = {'line': 'varchar'}, delim = '\x1e', quote = '', escape = '', ignore_errors = true)
    limit 1
{%- endmacro %}

{% macro postgres__loader_header_line_query(path_literal) -%}
    select rtrim(convert_from(
        case when position(decode('0a', 'hex') in head) > 0
            then substring(head from 1 for position(decode('0a', 'hex') in head) - 1)
            else head
        end, 'UTF8'), chr(13)) as line
    from (select pg_read_binary_file({{ path_literal }}, 0, 65536) as head) as file_head
{%- endmacro %}

{#
    Statements: read the file as text into temp table `text_table` (columns field_0 ...
    field_<n-1> and rowid, 0 for the header line), then a query listing the rejected lines
    (reject_count, line, error_type, error_message, csv_line; at most 3).
#}
{% macro loader_read_text_query(path_literal, text_table, rejects_table, field_count) -%}
    {{ return(adapter.dispatch('loader_read_text_query', 'kpi101')(path_literal, text_table, rejects_table, field_count)) }}
{%- endmacro %}

{% macro default__loader_read_text_query(path_literal, text_table, rejects_table, field_count) -%}
    {%- set text_columns = [] -%}
    {%- for i in range(field_count) -%}
        {%- do text_columns.append("'field_" ~ i ~ "': 'varchar'") -%}
    {%- endfor -%}
    create or replace temp table {{ text_table }} as
    select * from read_csv({{ path_literal }}, header = false, auto_detect = false,
        columns = { {{ text_columns | join(', ') }} },
        delim = ',', quote = '"', escape = '"', encoding = 'utf-8', strict_mode = true,
        store_rejects = true, rejects_table = '{{ rejects_table }}', rejects_scan = '{{ rejects_table }}_scan');
    {{ loader_first_rejects(rejects_table) }}
{%- endmacro %}

{#
    COPY stops at the first bad line, so PostgreSQL reports one rejected line per file (DuckDB
    up to three). The error is caught in a subtransaction so the load's transaction goes on.
#}
{% macro postgres__loader_read_text_query(path_literal, text_table, rejects_table, field_count) -%}
    {%- set field_columns = [] -%}
    {%- for i in range(field_count) -%}
        {%- do field_columns.append('field_' ~ i) -%}
    {%- endfor -%}
    drop table if exists {{ text_table }};
    create temp table {{ text_table }} (
        rowid bigint generated always as identity (start with 0 minvalue 0),
        {{ field_columns | join(' text, ') }} text
    );
    drop table if exists {{ rejects_table }};
    create temp table {{ rejects_table }} (line bigint, error_type text, error_message text, csv_line text);
    create or replace function pg_temp.kpi101_value_casts(value text, type_name text) returns boolean
    language plpgsql as $casts$
    begin
        execute format('select cast(%L as %s)', value, type_name);
        return true;
    exception when others then
        return false;
    end
    $casts$;
    do $load$
    declare
        error_context text;
    begin
        copy {{ text_table }} ({{ field_columns | join(', ') }}) from {{ path_literal }}
            with (format csv, header false, delimiter ',', quote '"', escape '"', encoding 'UTF8');
    exception when others then
        get stacked diagnostics error_context = pg_exception_context;
        insert into {{ rejects_table }} values (
            cast(substring(error_context from 'line ([0-9]+)') as bigint),
            sqlstate,
            sqlerrm,
            substring(error_context from 'line [0-9]+[^:]*: (.*)$')
        );
    end
    $load$;
    select
        count(*) over () as reject_count,
        line,
        error_type,
        error_message,
        left(replace(coalesce(csv_line, ''), chr(10), ' '), 120) as csv_line
    from {{ rejects_table }}
    order by line
    limit 3
{%- endmacro %}

{# SQL condition: the text in `field` does not cast exactly to `data_type` (see the default). #}
{% macro postgres__raw_value_does_not_cast(field, data_type) -%}
    (case
        when not pg_temp.kpi101_value_casts({{ field }}, {{ sql_string_literal(data_type) }}) then true
        {%- if data_type in ('smallint', 'integer', 'int', 'bigint') %}
        when trim({{ field }}) !~ '^[+-]?[0-9]+$' then true
        {%- elif data_type.startswith('decimal') or data_type.startswith('numeric') %}
        when cast({{ field }} as numeric) <> cast({{ field }} as {{ data_type }}) then true
        {%- elif data_type in ('date', 'timestamp', 'timestamptz') %}
        {#- PostgreSQL also reads 03/10/2024 (month first) and words like 'today': ISO only. #}
        when trim({{ field }}) !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' then true
        {%- endif %}
        else false
    end)
{%- endmacro %}

{# Statements: (re)create temp table `name` from a select. #}
{% macro loader_replace_temp_table_as(name, select_sql) -%}
    {{ return(adapter.dispatch('loader_replace_temp_table_as', 'kpi101')(name, select_sql)) }}
{%- endmacro %}

{% macro default__loader_replace_temp_table_as(name, select_sql) -%}
    create or replace temp table {{ name }} as {{ select_sql }}
{%- endmacro %}

{% macro postgres__loader_replace_temp_table_as(name, select_sql) -%}
    drop table if exists {{ name }};
    create temp table {{ name }} as {{ select_sql }}
{%- endmacro %}

{# Statements: replace the raw table `relation` by the result of a select. #}
{% macro loader_replace_table_as(relation, select_sql) -%}
    {{ return(adapter.dispatch('loader_replace_table_as', 'kpi101')(relation, select_sql)) }}
{%- endmacro %}

{% macro default__loader_replace_table_as(relation, select_sql) -%}
    create or replace table {{ relation }} as {{ select_sql }}
{%- endmacro %}

{% macro postgres__loader_replace_table_as(relation, select_sql) -%}
    drop table if exists {{ relation }} cascade;
    create table {{ relation }} as {{ select_sql }}
{%- endmacro %}

{# Statements: replace the raw table `relation` by an empty one with these column definitions. #}
{% macro loader_replace_table(relation, column_definitions) -%}
    {{ return(adapter.dispatch('loader_replace_table', 'kpi101')(relation, column_definitions)) }}
{%- endmacro %}

{% macro default__loader_replace_table(relation, column_definitions) -%}
    create or replace table {{ relation }} ({{ column_definitions }})
{%- endmacro %}

{% macro postgres__loader_replace_table(relation, column_definitions) -%}
    drop table if exists {{ relation }} cascade;
    create table {{ relation }} ({{ column_definitions }})
{%- endmacro %}

{# The statement that opens the load's one transaction. #}
{% macro loader_begin_transaction() -%}
    {{ return(adapter.dispatch('loader_begin_transaction', 'kpi101')()) }}
{%- endmacro %}

{% macro default__loader_begin_transaction() -%}
    begin transaction
{%- endmacro %}

{# dbt-postgres runs the whole operation in one transaction already (psycopg2, no autocommit). #}
{% macro postgres__loader_begin_transaction() -%}
    select 1
{%- endmacro %}

{% macro spark__loader_root_problem(root) -%}
    {% if not root.startswith('/') and ':' not in root %}
        {{ return("on Spark the driver reads the files: give root as an absolute path (or a URI such as dbfs:/...), got " ~ root) }}
    {% endif %}
    {{ return('') }}
{%- endmacro %}

{# binaryFile lists the files without reading them (only the path column is selected). #}
{% macro spark__loader_list_csv_files(root) -%}
    {%- set scheme = '' if ':' in root else 'file:' -%}
    select distinct substring(path, {{ scheme | length + 1 }}) as file
    from binaryFile.`{{ root | replace('`', '``') }}/*/*`
    where lower(path) like '%.csv'
    order by file
{%- endmacro %}

{% macro spark__loader_header_line_query(path_literal) -%}
    {%- do run_query("create or replace temporary view kpi101_load_header using text options (path " ~ path_literal ~ ")") -%}
    select trim(trailing chr(13) from value) as line from kpi101_load_header limit 1
{%- endmacro %}

{#
    Spark's csv reader marks lines with too many or too few fields (an unterminated quote
    leaves too few) in _corrupt_record, and replaces bytes that are not UTF-8 with U+FFFD:
    both are reported, all of them counted. Lines are numbered in file order (multiLine reads
    each file whole in one partition, and keeps newlines inside quotes as DuckDB does).
#}
{% macro spark__loader_read_text_query(path_literal, text_table, rejects_table, field_count) -%}
    {%- set field_columns = [] -%}
    {%- for i in range(field_count) -%}
        {%- do field_columns.append('field_' ~ i) -%}
    {%- endfor -%}
    {%- set csv_view = text_table ~ '_csv' -%}
    {%- set read_csv_view -%}
        create or replace temporary view {{ csv_view }} ({{ field_columns | join(' string, ') }} string, _corrupt_record string)
        using csv options (path {{ path_literal }}, header 'false', multiLine 'true', sep ',', quote '"', escape '"',
            encoding 'UTF-8', mode 'PERMISSIVE', columnNameOfCorruptRecord '_corrupt_record')
    {%- endset -%}
    {%- set whole_line = "concat_ws(',', " ~ field_columns | join(', ') ~ ")" -%}
    {%- set list_rejects -%}
        create or replace temporary view {{ rejects_table }} as
        select
            rowid + 1 as line,
            case when _corrupt_record is not null then 'malformed line' else 'invalid unicode' end as error_type,
            case
                when _corrupt_record is not null then 'Expected Number of Columns: {{ field_count }}, found another number or an unterminated quote'
                else 'not utf-8 encoded (invalid bytes read as U+FFFD)'
            end as error_message,
            coalesce(_corrupt_record, {{ whole_line }}) as csv_line
        from {{ text_table }}
        {#- chr() wraps at 256: the replacement character as a unicode escape. #}
        where _corrupt_record is not null or instr({{ whole_line }}, '\uFFFD') > 0
    {%- endset -%}
    {%- do run_query(read_csv_view) -%}
    {%- do run_query("drop table if exists " ~ text_table) -%}
    {%- do run_query("cache table " ~ text_table ~ " as select row_number() over (order by monotonically_increasing_id()) - 1 as rowid, * from " ~ csv_view) -%}
    {%- do run_query(list_rejects) -%}
    {{ loader_first_rejects(rejects_table) }}
{%- endmacro %}

{#
    Query: the values of `field` (a column of text_table) that do not cast exactly to
    data_type, as one row (column_name, data_type, bad_count, examples: the first three),
    or no row when every value casts.
#}
{% macro loader_bad_values_query(name, data_type, field, text_table) -%}
    {{ return(adapter.dispatch('loader_bad_values_query', 'kpi101')(name, data_type, field, text_table)) }}
{%- endmacro %}

{% macro default__loader_bad_values_query(name, data_type, field, text_table) -%}
    select
        {{ sql_string_literal(name) }} as column_name,
        {{ sql_string_literal(data_type) }} as data_type,
        count(*) as bad_count,
        string_agg('line ' || (rowid + 1) || ': ''' || {{ field }} || '''', ', ' order by rowid)
            filter (where bad_rank <= 3) as examples
    from (
        select rowid, {{ field }}, row_number() over (order by rowid) as bad_rank
        from {{ text_table }}
        where rowid > 0 and {{ field }} is not null and {{ kpi101.raw_value_does_not_cast(field, data_type) }}
    ) as bad_values
    having count(*) > 0
{%- endmacro %}

{# Spark 3.5 has no ordered string_agg: the first three of the sorted array. Spark escapes a quote as \' #}
{% macro spark__loader_bad_values_query(name, data_type, field, text_table) -%}
    select
        {{ sql_string_literal(name) }} as column_name,
        {{ sql_string_literal(data_type) }} as data_type,
        count(*) as bad_count,
        array_join(transform(
            slice(array_sort(collect_list(named_struct('rowid', rowid, 'value', {{ field }}))), 1, 3),
            bad -> concat('line ', bad.rowid + 1, ': \'', bad.value, '\'')
        ), ', ') as examples
    from {{ text_table }}
    where rowid > 0 and {{ field }} is not null and {{ kpi101.raw_value_does_not_cast(field, data_type) }}
    having count(*) > 0
{%- endmacro %}

{#
    Spark's try_cast reads more than DuckDB's cast: dates from '2024' or '2024-3-1', so ISO
    dates only, as on PostgreSQL.
#}
{% macro spark__raw_value_does_not_cast(field, data_type) -%}
    (
        try_cast({{ field }} as {{ data_type }}) is null
        {%- if data_type in ('tinyint', 'smallint', 'integer', 'int', 'bigint') %}
            or not trim({{ field }}) rlike '^[+-]?[0-9]+$'
        {%- elif data_type.startswith('decimal') or data_type.startswith('numeric') %}
            or try_cast({{ field }} as decimal(38, 18)) <> try_cast({{ field }} as {{ data_type }})
        {%- elif data_type in ('date', 'timestamp', 'timestamptz') %}
            or not trim({{ field }}) rlike '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
        {%- endif %}
    )
{%- endmacro %}

{# Spark: a cached temporary view, computed once when first read. #}
{% macro spark__loader_replace_temp_table_as(name, select_sql) -%}
    {%- do run_query("drop table if exists " ~ name) -%}
    cache lazy table {{ name }} as {{ select_sql }}
{%- endmacro %}

{# Statement: drop temp table `name` once the typed table is made from it. #}
{% macro loader_drop_temp_table(name) -%}
    {{ return(adapter.dispatch('loader_drop_temp_table', 'kpi101')(name)) }}
{%- endmacro %}

{% macro default__loader_drop_temp_table(name) -%}
    drop table {{ name }}
{%- endmacro %}

{# The typed view's plan still reads the text view by name: it stays until the session ends. #}
{% macro spark__loader_drop_temp_table(name) -%}
    select 1
{%- endmacro %}

{% macro spark__loader_replace_table_as(relation, select_sql) -%}
    {%- do run_query("drop table if exists " ~ relation) -%}
    create table {{ relation }} using parquet as {{ select_sql }}
{%- endmacro %}

{% macro spark__loader_replace_table(relation, column_definitions) -%}
    {%- do run_query("drop table if exists " ~ relation) -%}
    create table {{ relation }} ({{ column_definitions }}) using parquet
{%- endmacro %}

{# No transactions on Spark: every file is checked before the first raw table is replaced. #}
{% macro spark__loader_begin_transaction() -%}
    select 1
{%- endmacro %}

{# The statement that commits the load's one transaction. #}
{% macro loader_commit_transaction() -%}
    {{ return(adapter.dispatch('loader_commit_transaction', 'kpi101')()) }}
{%- endmacro %}

{% macro default__loader_commit_transaction() -%}
    commit
{%- endmacro %}

{% macro spark__loader_commit_transaction() -%}
    select 1
{%- endmacro %}

{# The last statement of every engine's loader_read_text_query: the first three rejected lines. #}
{% macro loader_first_rejects(rejects_table) -%}
    select
        count(*) over () as reject_count,
        line,
        error_type,
        error_message,
        left(replace(csv_line, chr(10), ' '), 120) as csv_line
    from {{ rejects_table }}
    order by line
    limit 3
{%- endmacro %}
