-- KPI 38: viral coefficient K = i x c for invitations sent in M, where
-- i = invitations sent / product MAU and c = invitations that led to a sign-up within
-- invite_conversion_window_days / invitations sent. K is exposed as converted / MAU, which
-- equals i x c; like c it is NULL when no invitation was sent. c and K are cohort values.
with
months as (
    select * from {{ ref('int_marketing_months') }}
),

invitations as (
    select * from {{ ref('stg_referrals__invitations') }}
),

active_days as (
    select * from {{ ref('int_product_users_active_daily') }}
),

monthly_active_users as (
    select
        cast({{ dbt.date_trunc('month', 'activity_date') }} as date) as period_month,
        count(distinct user_id) as active_users
    from active_days
    group by cast({{ dbt.date_trunc('month', 'activity_date') }} as date)
),

monthly_invitations as (
    select
        cast({{ dbt.date_trunc('month', 'sent_at') }} as date) as period_month,
        count(*) as invitations_sent,
        count(
            case
                when
                    is_valid
                    and signed_up_at <= {{ dbt.dateadd('day', var('invite_conversion_window_days'), 'sent_at') }}
                    then 1
            end
        ) as invitations_converted
    from invitations
    group by cast({{ dbt.date_trunc('month', 'sent_at') }} as date)
),

monthly as (
    select
        months.period_month,
        coalesce(monthly_active_users.active_users, 0) as active_users,
        coalesce(monthly_invitations.invitations_sent, 0) as invitations_sent,
        coalesce(monthly_invitations.invitations_converted, 0) as invitations_converted,
        {{ cohort_is_complete('months.period_month', var('invite_conversion_window_days'), spine_data_end('months')) }}
            as is_window_complete
    from months
    left join monthly_active_users on months.period_month = monthly_active_users.period_month
    left join monthly_invitations on months.period_month = monthly_invitations.period_month
),

final as (
    select
        {{ kpi_columns(
            38, 'viral_coefficient',
            numerator='invitations_converted',
            denominator='case when invitations_sent > 0 then active_users end',
            is_complete='is_window_complete',
        ) }}
    from monthly
    union all
    select
        {{ kpi_columns(
            38, 'invitations_per_active_user',
            numerator='invitations_sent',
            denominator='active_users',
        ) }}
    from monthly
    union all
    select
        {{ kpi_columns(
            38, 'invitation_conversion_rate',
            numerator='invitations_converted',
            denominator='invitations_sent',
            is_complete='is_window_complete',
        ) }}
    from monthly
)

select * from final
