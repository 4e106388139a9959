{#
    Additive measures of a KPI broken down by one dimension, densely: one row per (month of
    the spine, member of the dimension) and one `all` row per month, with 0 where a month has
    no data. The `all` row sums every row of `monthly` for the month, including rows whose
    member is not in `members` (e.g. customers of channels without ad spend).

        months          relation/CTE with period_month (the spine)
        members         relation/CTE with one row per member, column `member_column`
        monthly         relation/CTE with period_month, member_column and the measures
        dimension_name  value of the `dimension` column on the member rows
        measures        list of additive measure columns of `monthly`

    Columns: period_month, dimension, dimension_value, then the measures.
#}
{% macro breakdown_with_total(months, members, monthly, member_column, dimension_name, measures) -%}
    select
        spine.period_month,
        'all' as dimension,
        'all' as dimension_value,
        {%- for measure in measures %}
            coalesce(sum(facts.{{ measure }}), 0) as {{ measure }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ months }} as spine
    left join {{ monthly }} as facts on spine.period_month = facts.period_month
    group by spine.period_month

    union all

    select
        spine.period_month,
        '{{ dimension_name }}' as dimension,
        cast(dimension_members.{{ member_column }} as {{ dbt.type_string() }}) as dimension_value,
        {%- for measure in measures %}
            coalesce(facts.{{ measure }}, 0) as {{ measure }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ months }} as spine
    cross join {{ members }} as dimension_members
    left join {{ monthly }} as facts
        on
            spine.period_month = facts.period_month
            and dimension_members.{{ member_column }} = facts.{{ member_column }}
{%- endmacro %}
