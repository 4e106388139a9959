-- KPI 28: brand-survey respondents of the month who recalled (unaided) or identified (aided)
-- the brand / brand-survey respondents of the month. A respondent answering twice in a month
-- counts once, as recalling if any answer did. Answers that skipped both questions
-- (is_valid = false) are left out; a skipped question counts as not recalled.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

responses as (
    select * from {{ ref('stg_surveys__brand_survey_responses') }}
    where is_valid
),

respondent_months as (
    select
        cast({{ dbt.date_trunc('month', 'responded_at') }} as date) as period_month,
        respondent_id,
        {{ dbt.bool_or(
            'coalesce(has_recalled_brand, false) or coalesce(has_identified_brand, false)'
        ) }} as has_recalled
    from responses
    group by period_month, respondent_id
),

monthly as (
    select
        period_month,
        count(*) filter (where has_recalled) as recalling_respondents,
        count(*) as respondents
    from respondent_months
    group by period_month
),

final as (
    select
        {{ kpi_columns(
            28, 'brand_recall_rate',
            numerator='coalesce(monthly.recalling_respondents, 0)',
            denominator='coalesce(monthly.respondents, 0)',
            period_month='months.period_month',
        ) }}
    from months
    left join monthly on months.period_month = monthly.period_month
)

select * from final
