{#
    Quarantine: rows that are well-typed but impossible (an end before its start, an event
    before its ticket exists, a timestamp outside the plausible range, overlapping periods,
    a discount above its order) are kept out of staging, so no KPI sees them, and each one is
    recorded in audit.quarantined_rows (model, source table, rule, key). The build ends with a
    warning per rule (report_quarantine, on-run-end); a rule listed in the var
    quarantine_errors (or 'all') makes the staging model fail instead.

    A staging model with rules ends with
        checked as (select *, {{ quarantine_rule([...]) }} as quarantine_rule from ...),
        final as ({{ select_passed_quarantine('checked') }})
        select * from final
    and sets config(meta={'quarantine_key': '<key column>'}); its audit post-hook
    (audit_staging_drops) then records the rows of `checked` that carry a rule.
#}

{% macro create_quarantine_table() %}
    {% if execute %}{% do run_query("create schema if not exists audit") %}{% endif %}
    create table if not exists audit.quarantined_rows (
        model_name {{ dbt.type_string() }},
        source_table {{ dbt.type_string() }},
        rule {{ dbt.type_string() }},
        row_key {{ dbt.type_string() }},
        invocation_id {{ dbt.type_string() }},
        quarantined_at timestamp
    )
{% endmacro %}

{# 'YYYY-MM-DD' from a var, checked so that nothing but a date reaches the SQL. #}
{% macro plausible_bound(var_name, default_sql) %}
    {% set value = var(var_name, none) %}
    {% if value is none or value == '' %}
        {{ return(default_sql) }}
    {% endif %}
    {% if not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}', value | string) %}
        {{ exceptions.raise_compiler_error("var " ~ var_name ~ " must be a date written YYYY-MM-DD, got " ~ (value | string)[:40]) }}
    {% endif %}
    {{ return("cast('" ~ value ~ "' as date)") }}
{% endmacro %}

{# True when any of the columns lies outside [plausible_start_date, plausible_end_date]. #}
{% macro outside_plausible_range(columns) -%}
    {%- set lower_bound = kpi101.plausible_bound('plausible_start_date', "cast('2000-01-01' as date)") -%}
    {%- set upper_bound = kpi101.plausible_bound('plausible_end_date', dbt.dateadd('year', 1, 'current_date')) -%}
    (
    {%- for column in columns %}
        {{ column }} < {{ lower_bound }} or {{ column }} > {{ upper_bound }}{{ ' or' if not loop.last }}
    {%- endfor %}
    )
{%- endmacro %}

{# rules: list of [rule_name, condition]; the first rule that holds names the row's quarantine. #}
{% macro quarantine_rule(rules) -%}
    case
    {%- for rule in rules %}
        when {{ rule[1] }} then '{{ rule[0] }}'
    {%- endfor %}
    end
{%- endmacro %}

{% macro select_passed_quarantine(checked_cte) -%}
    {{ return(adapter.dispatch('select_passed_quarantine', 'kpi101')(checked_cte)) }}
{%- endmacro %}

{% macro default__select_passed_quarantine(checked_cte) -%}
    select * exclude (quarantine_rule) from {{ checked_cte }} where quarantine_rule is null
{%- endmacro %}

{#
    Without `exclude`, the passed rows are selected by the model's documented columns (every
    staging column is documented, dbt-bouncer.yml); a column missing from the docs would be
    missing here, so an undocumented model is refused.
#}
{% macro postgres__select_passed_quarantine(checked_cte) -%}
    {%- set documented = model.columns.keys() | reject('equalto', 'quarantine_rule') | list -%}
    {%- if not documented and execute -%}
        {{ exceptions.raise_compiler_error("select_passed_quarantine: " ~ model.name ~ " documents no columns; on this engine the passed rows are selected by the documented columns") }}
    {%- endif -%}
    select
        {%- for column in documented %}
        {{ adapter.quote(column) }}{{ ',' if not loop.last }}
        {%- else %} *
        {%- endfor %}
    from {{ checked_cte }} where quarantine_rule is null
{%- endmacro %}

{% macro spark__select_passed_quarantine(checked_cte) -%}
    {{ kpi101.postgres__select_passed_quarantine(checked_cte) }}
{%- endmacro %}

{#
    Post-hook part: runs the model's own compiled SQL up to its `checked` CTE, so the rules are
    written once, and records the rows that carry a rule. Returns how many it recorded.
#}
{% macro record_quarantined_rows(source_name) %}
    {% set key_column = model.config.meta.get('quarantine_key') %}
    {% set compiled = (model.compiled_code or '') | trim %}
    {% set final_select = 'select * from final' %}
    {% if not compiled.endswith(final_select) or 'quarantine_rule' not in compiled %}
        {{ exceptions.raise_compiler_error("staging model " ~ model.name ~ " sets quarantine_key but does not end with a `checked` CTE carrying quarantine_rule and `select * from final`") }}
    {% endif %}
    {% set body = compiled[:compiled | length - final_select | length] %}
    {% set new_rows_sql %}
        {{ body }}
        select
            '{{ model.name }}',
            '{{ source_name }}',
            quarantine_rule,
            cast({{ adapter.quote(key_column) }} as {{ dbt.type_string() }}),
            '{{ invocation_id }}',
            current_timestamp
        from checked
        where quarantine_rule is not null
    {% endset %}
    {% do run_query(kpi101.audit_replace_rows('audit.quarantined_rows', "model_name = '" ~ model.name ~ "'", new_rows_sql)) %}
    {% set counts = run_query("select rule, count(*), " ~ kpi101.ordered_string_agg('row_key', ', ') ~ " from audit.quarantined_rows where model_name = '" ~ model.name ~ "' group by rule order by rule") %}
    {% set errors = var('quarantine_errors', []) %}
    {% set errors = [errors] if errors is string else errors %}
    {% set ns = namespace(total=0, failing=[]) %}
    {% for row in counts.rows %}
        {% set ns.total = ns.total + row[1] %}
        {% if 'all' in errors or row[0] in errors %}
            {% do ns.failing.append(row[0] ~ ": " ~ row[1] ~ " row(s), keys " ~ (row[2] if row[2] | length <= 200 else row[2][:200] ~ '...')) %}
        {% endif %}
    {% endfor %}
    {% if ns.failing %}
        {{ exceptions.raise_compiler_error("quarantine rules set as errors (var quarantine_errors) are broken in " ~ source_name ~ " (" ~ model.name ~ "): " ~ ns.failing | join('; ')) }}
    {% endif %}
    {{ return(ns.total) }}
{% endmacro %}

{# on-run-end: one warning line per (model, rule) quarantined in this invocation. #}
{% macro report_quarantine() %}
    {% if not execute or flags.WHICH not in ('build', 'run') %}
        {{ return('') }}
    {% endif %}
    {% set summary = run_query("select source_table, rule, count(*), " ~ kpi101.ordered_string_agg('row_key', ', ') ~ " from audit.quarantined_rows where invocation_id = '" ~ invocation_id ~ "' group by source_table, rule order by source_table, rule") %}
    {% for row in summary.rows %}
        {% set keys = row[3] if row[3] | length <= 80 else row[3][:80] ~ '...' %}
        {% do exceptions.warn("quarantine: " ~ row[2] ~ " row(s) of " ~ row[0] ~ " broke rule " ~ row[1] ~ " and are left out of every KPI (keys: " ~ keys ~ "); see audit.quarantined_rows") %}
    {% endfor %}
    {{ return('') }}
{% endmacro %}
