-- The kpi_mart_checks generic test on a probe mart of bounce_rate (KPI 27: a ratio in [0, 1],
-- breakdown-additive) with one or two rows breaking each check, and on a clean probe.
-- Rows returned here are disagreements with the expected result.
with probe as (
    select
        probe_rows.kpi_id,
        probe_rows.kpi_name,
        cast(probe_rows.period_month as date) as period_month,
        probe_rows.dimension,
        probe_rows.dimension_value,
        cast(probe_rows.value as {{ dbt.type_float() }}) as value,
        cast(probe_rows.numerator as {{ dbt.type_float() }}) as numerator,
        cast(probe_rows.denominator as {{ dbt.type_float() }}) as denominator,
        probe_rows.is_complete
    from (
        values
        -- January: the all row 1/2, its device breakdown 1/2 + 1/1 = 2/3: one mismatch
        (27, 'bounce_rate', '2024-01-01', 'all', 'all', 0.5, 1, 2, true),
        (27, 'bounce_rate', '2024-01-01', 'device', 'desktop', 0.5, 1, 2, true),
        (27, 'bounce_rate', '2024-01-01', 'device', 'mobile', 1.0, 1, 1, true),
        -- an output the catalogue does not declare, in two months: one (kpi_id, kpi_name)
        (999, 'not_a_kpi', '2024-01-01', 'all', 'all', 1.0, null, null, true),
        (999, 'not_a_kpi', '2024-02-01', 'all', 'all', 1.0, null, null, true),
        -- above and below the ratio's bounds (each value its numerator over its denominator)
        (27, 'bounce_rate', '2024-02-01', 'all', 'all', 1.5, 3, 2, true),
        (27, 'bounce_rate', '2024-06-01', 'all', 'all', -0.5, -1, 2, true),
        -- 0.9 is not 1/2
        (27, 'bounce_rate', '2024-03-01', 'all', 'all', 0.9, 1, 2, true),
        -- not the first day of its month
        (27, 'bounce_rate', '2024-04-15', 'all', 'all', 0.5, 1, 2, true),
        -- a zero denominator with a NULL value breaks nothing
        (27, 'bounce_rate', '2024-05-01', 'all', 'all', null, 0, 0, true)
    ) as probe_rows (
        kpi_id, kpi_name, period_month, dimension, dimension_value, value, numerator, denominator, is_complete
    )
),

clean_probe as (
    select *
    from probe
    where kpi_id = 27 and period_month = cast('2024-05-01' as date)
),

observed as (
    {{ kpi101.test_kpi_mart_checks('probe') }}
),

observed_on_clean as (
    {{ kpi101.test_kpi_mart_checks('clean_probe') }}
),

expected as (
    select
        'kpi_outputs_in_catalog' as check_name,
        1 as problem_rows
    union all
    select
        'kpi_values_within_bounds' as check_name,
        2 as problem_rows
    union all
    select
        'kpi_value_is_ratio' as check_name,
        1 as problem_rows
    union all
    select
        'kpi_breakdowns_sum_to_all' as check_name,
        1 as problem_rows
    union all
    select
        'is_first_day_of_month' as check_name,
        1 as problem_rows
)

select
    coalesce(expected.check_name, observed.check_name) as check_name,
    case when observed.check_name is null then 'missing' else 'unexpected' end as disagreement
from expected
full outer join observed
    on expected.check_name = observed.check_name and expected.problem_rows = observed.problem_rows
where expected.check_name is null or observed.check_name is null
union all
select
    check_name,
    'reported on a clean mart' as disagreement
from observed_on_clean
