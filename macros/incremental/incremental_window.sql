{#
    Incremental event facts (var incremental_lookback_days, README "Incremental rebuilds").

    The large event facts are incremental tables on DuckDB and PostgreSQL: a plain `dbt run` on
    an existing database re-derives only a trailing window of days, from
    (the newest event day already in the table) - incremental_lookback_days, and replaces the
    rows it re-derives with the `delete+insert` strategy on each model's unique_key (an entity
    id, or a day or month). Raw rows dated inside the window (new days, late arrivals, exact
    re-sent duplicates that staging drops) are picked up; raw rows dated before it are assumed
    unchanged. `dbt run --full-refresh` rebuilds everything.

    Spark stays on full `table` builds: dbt-spark offers only append and insert_overwrite on
    Parquet (merge needs Delta, Iceberg or Hudi), neither of which replaces a window of rows by key.
#}
{% macro incremental_event_materialization() %}
    {{ return(adapter.dispatch('incremental_event_materialization', 'kpi101')()) }}
{% endmacro %}

{% macro default__incremental_event_materialization() %}
    {{ return('incremental') }}
{% endmacro %}

{% macro spark__incremental_event_materialization() %}
    {{ return('table') }}
{% endmacro %}

{#
    The first day an incremental run re-derives, as a SQL date literal, or none on a full build
    (first run, --full-refresh, Spark) or when the table is still empty: then the caller reads
    everything. event_column: the model's own event timestamp or date column in {{ this }}.
#}
{% macro incremental_window_start(event_column) %}
    {# unit tests have no {{ this }}: they test the full build's SQL #}
    {% if not execute or this is none or not is_incremental() %}
        {{ return(none) }}
    {% endif %}
    {% set lookback_days = var('incremental_lookback_days') | int %}
    {% if lookback_days < 0 %}
        {{ exceptions.raise_compiler_error("incremental_lookback_days must be 0 or more, got " ~ lookback_days) }}
    {% endif %}
    {% set newest = run_query("select cast(max(" ~ event_column ~ ") as date) from " ~ this).columns[0].values()[0] %}
    {% if newest is none %}
        {{ return(none) }}
    {% endif %}
    {% set first_day = modules.datetime.date.fromisoformat((newest | string)[:10]) - modules.datetime.timedelta(days=lookback_days) %}
    {{ return("cast('" ~ first_day.isoformat() ~ "' as date)") }}
{% endmacro %}

{# A where-clause condition: the column is inside the window (always true on a full build). #}
{% macro in_incremental_window(column, window_start) %}
    {%- if window_start is none -%}
        true
    {%- else -%}
        {{ column }} >= {{ window_start }}
    {%- endif -%}
{% endmacro %}
