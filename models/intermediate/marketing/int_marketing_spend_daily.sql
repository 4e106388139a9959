-- One row per (UTC day, channel, paid flag): the company's ad impressions, clicks and spend
-- summed over campaigns. Reused by click-through rate (25), cost per acquisition (30),
-- LTV:CAC (31) and marketing ROI (32).
with
ad_performance as (
    select * from {{ ref('stg_ads__ad_performance') }}
),

final as (
    select
        report_date as spend_date,
        channel,
        is_paid,
        sum(case when is_valid then impressions else 0 end) as impressions,
        sum(case when is_valid then clicks else 0 end) as clicks,
        -- the declared money type: a PostgreSQL sum of decimals has no fixed scale
        cast(sum(spend) as decimal(18, 2)) as spend,
        count(*) as campaign_rows,
        count(*) filter (where not is_valid) as invalid_rows
    from ad_performance
    group by report_date, channel, is_paid
)

select * from final
