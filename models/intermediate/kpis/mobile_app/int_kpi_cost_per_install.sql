-- KPI 62: paid install-campaign spend in the month / installs attributed to paid campaigns in
-- the month (organic installs never count); overall and by channel. Every channel seen in the
-- spend or the paid installs gets a row each month (NULL without paid installs).
with
months as (
    select * from {{ ref('int_app_months') }}
),

spend as (
    select
        cast({{ dbt.date_trunc('month', 'spend_date') }} as date) as spend_month,
        channel,
        sum(spend) as spend
    from {{ ref('stg_app__install_campaign_spend') }}
    group by spend_month, channel
),

paid_installs as (
    select
        cast({{ dbt.date_trunc('month', 'installed_at') }} as date) as install_month,
        channel,
        count(*) as paid_installs
    from {{ ref('stg_app__installs') }}
    where is_paid
    group by install_month, channel
),

channels as (
    select channel from spend
    union
    select channel from paid_installs
),

by_channel as (
    select
        months.period_month,
        'channel' as dimension,
        channels.channel as dimension_value,
        coalesce(spend.spend, 0) as spend,
        coalesce(paid_installs.paid_installs, 0) as paid_installs
    from months
    cross join channels
    left join spend
        on months.period_month = spend.spend_month and channels.channel = spend.channel
    left join paid_installs
        on months.period_month = paid_installs.install_month and channels.channel = paid_installs.channel
),

overall as (
    select
        period_month,
        'all' as dimension,
        'all' as dimension_value,
        sum(spend) as spend,
        sum(paid_installs) as paid_installs
    from by_channel
    group by period_month
),

overall_all_months as (
    select
        months.period_month,
        'all' as dimension,
        'all' as dimension_value,
        coalesce(overall.spend, 0) as spend,
        coalesce(overall.paid_installs, 0) as paid_installs
    from months
    left join overall on months.period_month = overall.period_month
),

final as (
    select
        {{ kpi_columns(
            62, 'cost_per_install',
            numerator='spend',
            denominator='paid_installs',
            dimension='dimension',
            dimension_value='dimension_value',
        ) }}
    from (
        select * from overall_all_months
        union all
        select * from by_channel
    ) as cpi_inputs
)

select * from final
