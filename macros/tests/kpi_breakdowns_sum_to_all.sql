{#
    For every KPI the catalogue flags is_breakdown_additive, the breakdown rows of its primary
    output (kpi_name = the catalogue's kpi_name) add up to the `all` row, per month and
    dimension: summed numerators and denominators equal the `all` row's; for counts (no
    numerator or denominator on the `all` row) the summed values equal its value. A month
    with breakdown rows but no `all` row fails too. Returns one row per mismatch.
#}
{% test kpi_breakdowns_sum_to_all(model, catalog=ref('kpi_definitions'), tolerance=1e-6) %}
    with
    additive_kpis as (
        select kpi_name
        from {{ catalog }}
        where cast(is_breakdown_additive as boolean)
    ),

    kpi_rows as (
        select mart.*
        from {{ model }} as mart
        inner join additive_kpis on mart.kpi_name = additive_kpis.kpi_name
    ),

    total_rows as (
        select
            kpi_name,
            period_month,
            value,
            numerator,
            denominator
        from kpi_rows
        where dimension = 'all'
    ),

    breakdown_sums as (
        select
            kpi_name,
            period_month,
            dimension,
            sum(coalesce(value, 0)) as summed_value,
            sum(coalesce(numerator, 0)) as summed_numerator,
            sum(coalesce(denominator, 0)) as summed_denominator
        from kpi_rows
        where dimension != 'all'
        group by kpi_name, period_month, dimension
    ),

    compared as (
        select
            breakdown_sums.*,
            total_rows.value as total_value,
            total_rows.numerator as total_numerator,
            total_rows.denominator as total_denominator,
            total_rows.kpi_name is null as is_total_missing
        from breakdown_sums
        left join total_rows
            on
                breakdown_sums.kpi_name = total_rows.kpi_name
                and breakdown_sums.period_month = total_rows.period_month
    )

    select *
    from compared
    where
        is_total_missing
        or abs(summed_numerator - coalesce(total_numerator, 0))
        > {{ tolerance }} * greatest(1, abs(coalesce(total_numerator, 0)))
        or abs(summed_denominator - coalesce(total_denominator, 0))
        > {{ tolerance }} * greatest(1, abs(coalesce(total_denominator, 0)))
        or (
            total_numerator is null
            and total_denominator is null
            and abs(summed_value - coalesce(total_value, 0))
            > {{ tolerance }} * greatest(1, abs(coalesce(total_value, 0)))
        )
{% endtest %}
