-- One row per ISO week (Monday to Sunday, UTC) that starts in a month of the ecommerce
-- spine; a week spanning two months belongs to the month it starts in (KPI 12).
with
months as (
    select * from {{ ref('int_ecommerce_months') }}
),

weeks as (
    {{ iso_weeks_starting_in_months('months') }}
),

final as (
    select * from weeks
)

select * from final
