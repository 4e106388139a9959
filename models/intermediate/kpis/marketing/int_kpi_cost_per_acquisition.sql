-- KPI 30: paid marketing spend in M on channel C / customers acquired in M through C,
-- overall (all paid spend / all new customers, i.e. CAC) and by every channel with ad rows,
-- paid spend or acquired customers, so that the channel rows add up to `all`.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

acquisition as (
    select * from {{ ref('int_customer_acquisition_monthly') }}
),

channels as (
    select channel from {{ ref('int_marketing_spend_daily') }}
    union
    select channel from acquisition
),

acquisition_by_channel as (
    {{ breakdown_with_total(
        'months', 'channels', 'acquisition', 'channel', 'channel',
        ['paid_spend', 'new_customers']
    ) }}
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
    from acquisition_by_channel
)

select * from final
