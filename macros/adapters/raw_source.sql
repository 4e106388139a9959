{#
    The relation a staging model reads for one raw-contract table.

    By default that is the source table (`source(source_name, table_name)`). When the source
    system is switched to a connector adapter with the `adapters` var, e.g.
    `--vars '{adapters: {billing: stripe}}'`, it is the adapter model that presents the same
    contract from the connector's tables: `adapter_<connector>__<table_name>`.
#}
{% macro raw_source(source_name, table_name) %}
    {% set connector = selected_adapter(source_name) %}
    {% if connector %}
        {{ return(ref('adapter_' ~ connector ~ '__' ~ table_name)) }}
    {% endif %}
    {{ return(source(source_name, table_name)) }}
{% endmacro %}

{# The connector adapter switched on for a source system, or none. #}
{% macro selected_adapter(source_name) %}
    {% set adapters = var('adapters', {}) or {} %}
    {% set known = {'billing': ['stripe'], 'accounting': ['stripe'], 'ads': ['google_ads'], 'shop': ['shopify'], 'helpdesk': ['zendesk'], 'crm': ['hubspot']} %}
    {% set connector = adapters.get(source_name) %}
    {% if connector and connector not in known.get(source_name, []) %}
        {{ exceptions.raise_compiler_error("var adapters: no adapter '" ~ connector ~ "' for source system '" ~ source_name ~ "'; available: " ~ known | tojson) }}
    {% endif %}
    {{ return(connector or none) }}
{% endmacro %}

{#
    Config helper of the adapter models: build only when this connector feeds this source system.
    KPI101_LINT_ADAPTERS=1 (set by `make lint` only) enables every adapter and connector source
    so that sqlfluff, which cannot pass a dict var, sees and lints the adapter SQL too.
#}
{% macro adapter_enabled(source_name, connector) %}
    {{ return((var('adapters', {}) or {}).get(source_name) == connector or env_var('KPI101_LINT_ADAPTERS', '') == '1') }}
{% endmacro %}

{# Schema holding a connector's tables: var connector_schemas, default the connector name. #}
{% macro connector_schema(connector) %}
    {{ return((var('connector_schemas', {}) or {}).get(connector, connector)) }}
{% endmacro %}
