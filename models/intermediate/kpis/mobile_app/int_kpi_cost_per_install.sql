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

monthly as (
    -- channel-less rows have no channel row, so they stay out of the 'all' row too
    select
        coalesce(spend.spend_month, paid_installs.install_month) as period_month,
        coalesce(spend.channel, paid_installs.channel) as channel,
        spend.spend,
        paid_installs.paid_installs
    from spend
    full outer join paid_installs
        on spend.spend_month = paid_installs.install_month and spend.channel = paid_installs.channel
    where coalesce(spend.channel, paid_installs.channel) is not null
),

cpi_inputs as (
    {{ breakdown_with_total('months', 'channels', 'monthly', 'channel', 'channel', ['spend', 'paid_installs']) }}
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
    from cpi_inputs
)

select * from final
