{#
    The view materialization on DuckDB: one `create or replace view` in the model's transaction.
    dbt's default creates a temporary view, renames the old one aside, renames the new one in and
    drops the old one: four statements and their bookkeeping per view, where DuckDB replaces a
    view atomically in one. A failed statement rolls the transaction back, so the previous view
    stays as it was. A table or other relation of the same name is dropped in the same transaction.
    DuckDB has no grants; persist_docs and the hooks run as in dbt's default.
#}
{% materialization view, adapter='duckdb' %}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='view') -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% if existing_relation is not none and not existing_relation.is_view %}
        {{ adapter.drop_relation(existing_relation) }}
    {% endif %}
    {% call statement('main') -%}
        create or replace view {{ target_relation }} as (
            {{ sql }}
        )
    {%- endcall %}

    {% do persist_docs(target_relation, model) %}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ adapter.commit() }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
