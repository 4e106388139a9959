-- One row per calendar day: MetricFlow's time spine. The range covers any plausible reporting
-- history; widen it through the vars if data reaches outside it.
with
days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('time_spine_start', '2015-01-01') ~ "' as date)",
        "cast('" ~ var('time_spine_end', '2036-01-01') ~ "' as date)",
    ) }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
