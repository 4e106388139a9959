{#
    Quoting for values that come from outside the SQL text (paths, schema names, vars), so
    that a quote inside them stays data and can never end the literal and run SQL.
#}

{# A single-quoted SQL string literal; embedded single quotes are doubled. #}
{% macro sql_string_literal(value) -%}
    {{ return(adapter.dispatch('sql_string_literal', 'kpi101')(value)) }}
{%- endmacro %}

{% macro default__sql_string_literal(value) -%}
    '{{ (value | string).replace("'", "''") }}'
{%- endmacro %}

{# Spark reads backslash escapes in literals and joins 'a''b' into 'ab': escape both with backslashes. #}
{% macro spark__sql_string_literal(value) -%}
    '{{ (value | string).replace("\\", "\\\\").replace("'", "\\'") }}'
{%- endmacro %}

{# A double-quoted SQL identifier; embedded double quotes are doubled. #}
{% macro sql_identifier(name) -%}
    {{ return(adapter.dispatch('sql_identifier', 'kpi101')(name)) }}
{%- endmacro %}

{% macro default__sql_identifier(name) -%}
    "{{ (name | string).replace('"', '""') }}"
{%- endmacro %}

{# Spark quotes identifiers with backticks (double quotes make a string). #}
{% macro spark__sql_identifier(name) -%}
    `{{ (name | string).replace('`', '``') }}`
{%- endmacro %}

{# The string var `name` as a SQL string literal, e.g. where event_name = {{ string_var('activation_event') }}. #}
{% macro string_var(name) -%}
    {%- set value = var(name) -%}
    {%- if value is not string -%}
        {{ exceptions.raise_compiler_error("var '" ~ name ~ "' must be a string, got " ~ value) }}
    {%- endif -%}
    {{ sql_string_literal(value) }}
{%- endmacro %}
