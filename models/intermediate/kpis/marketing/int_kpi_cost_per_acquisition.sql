-- KPI 30: paid marketing spend in M on channel C / customers acquired in M through C,
-- overall (all paid spend / all new customers, i.e. CAC) and by every advertising channel.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

acquisition as (
    select * from {{ ref('int_customer_acquisition_monthly') }}
),

ad_channels as (
    select distinct channel from {{ ref('int_marketing_spend_daily') }}
),

by_channel as (
    select
        months.period_month,
        'channel' as dimension,
        ad_channels.channel as dimension_value,
        coalesce(acquisition.paid_spend, 0) as paid_spend,
        coalesce(acquisition.new_customers, 0) as new_customers
    from months
    cross join ad_channels
    left join acquisition
        on
            months.period_month = acquisition.period_month
            and ad_channels.channel = acquisition.channel
),

overall as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(sum(acquisition.paid_spend), 0) as paid_spend,
        coalesce(sum(acquisition.new_customers), 0) as new_customers
    from months
    left join acquisition on months.period_month = acquisition.period_month
    group by months.period_month
),

final as (
    select
        {{ kpi_columns(
            30, 'cost_per_acquisition',
            numerator='paid_spend',
            denominator='new_customers',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from (
        select * from overall
        union all
        select * from by_channel
    ) as acquisition_by_channel
)

select * from final
