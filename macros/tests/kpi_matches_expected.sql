{#
    Compares a domain KPI mart with its hand-worked expected seed on a fixture scenario.
    Enabled only on the fixture targets (`fixtures`, `fixtures_postgres`, `fixtures_spark`), as are
    the expected seeds (the demo and real data have no expected values); there,
    every row of either side must be matched: same key, value, numerator, denominator and
    is_complete within var('fixture_tolerance') (absolute, or relative to the expected value).
    Each mismatch is logged naming the KPI, month, dimension and both numbers.
#}
{% test kpi_matches_expected(model, expected) %}
    {%- set tolerance = var('fixture_tolerance') -%}
    {%- set comparison -%}
        with
        actual as (
            select * from {{ model }}
        ),

        wanted as (
            select * from {{ expected }}
        ),

        compared as (
            select
                coalesce(actual.kpi_name, wanted.kpi_name) as kpi_name,
                coalesce(actual.period_month, wanted.period_month) as period_month,
                coalesce(actual.dimension, wanted.dimension) as dimension,
                coalesce(actual.dimension_value, wanted.dimension_value) as dimension_value,
                wanted.value as expected_value,
                actual.value as actual_value,
                wanted.numerator as expected_numerator,
                actual.numerator as actual_numerator,
                wanted.denominator as expected_denominator,
                actual.denominator as actual_denominator,
                wanted.is_complete as expected_is_complete,
                actual.is_complete as actual_is_complete,
                case
                    when wanted.kpi_name is null then 'row not expected'
                    when actual.kpi_name is null then 'expected row missing'
                    when {{ _kpi_differs('actual.value', 'wanted.value', tolerance) }} then 'value differs'
                    when {{ _kpi_differs('actual.numerator', 'wanted.numerator', tolerance) }} then 'numerator differs'
                    when {{ _kpi_differs('actual.denominator', 'wanted.denominator', tolerance) }} then 'denominator differs'
                    when actual.is_complete is distinct from wanted.is_complete then 'is_complete differs'
                end as problem
            from actual
            full outer join wanted
                on
                    actual.kpi_name = wanted.kpi_name
                    and actual.period_month = wanted.period_month
                    and actual.dimension = wanted.dimension
                    and actual.dimension_value = wanted.dimension_value
        )

        select * from compared
        where problem is not null
        order by kpi_name, period_month, dimension, dimension_value
    {%- endset -%}

    {%- if not target.name.startswith('fixtures') -%}
        select * from ({{ comparison }}) as skipped where false
    {%- else -%}
        {%- if execute -%}
            {%- set mismatches = run_query(comparison) -%}
            {%- for row in mismatches.rows -%}
                {{ log("MISMATCH " ~ model.identifier ~ ": " ~ row['kpi_name'] ~ " " ~ row['period_month'] ~ " " ~ row['dimension'] ~ "=" ~ row['dimension_value'] ~ ": " ~ row['problem'] ~ "; expected value=" ~ row['expected_value'] ~ " num=" ~ row['expected_numerator'] ~ " den=" ~ row['expected_denominator'] ~ " complete=" ~ row['expected_is_complete'] ~ "; actual value=" ~ row['actual_value'] ~ " num=" ~ row['actual_numerator'] ~ " den=" ~ row['actual_denominator'] ~ " complete=" ~ row['actual_is_complete'], info=True) }}
            {%- endfor -%}
        {%- endif -%}
        {{ comparison }}
    {%- endif -%}
{% endtest %}

{% macro _kpi_differs(actual, wanted, tolerance) -%}
    (
        ({{ actual }} is null) != ({{ wanted }} is null)
        or abs({{ actual }} - {{ wanted }}) > {{ tolerance }} * greatest(1, abs({{ wanted }}))
    )
{%- endmacro %}
