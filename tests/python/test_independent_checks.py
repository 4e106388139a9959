"""KPIs recomputed on the demo build by plain SQL written from the spec, independently of the
models' formulas (straight from staging), must equal the marts in every month."""

from __future__ import annotations

import duckdb
import pytest

INDEPENDENT_SQL = {
    # 7: valid = not cancelled; value = lines - order discount (tax and shipping excluded).
    "average_order_value": """
        with lines as (select order_id, sum(line_amount) as amount from stg_shop__order_items group by 1)
        select date_trunc('month', o.placed_at)::date as period_month,
               avg(coalesce(l.amount, 0) - o.discount_amount) as v
        from stg_shop__orders as o left join lines as l using (order_id)
        where not o.is_cancelled group by 1""",
    # 16: valid orders / distinct customers with a valid order.
    "purchase_frequency": """
        select date_trunc('month', placed_at)::date as period_month,
               count(*) / count(distinct customer_id) as v
        from stg_shop__orders where not is_cancelled group by 1""",
    # 34: pageviews of sessions started in M / sessions started in M.
    "pages_per_session": """
        with views as (select session_id, count(*) as n from stg_web__pageviews group by 1)
        select date_trunc('month', s.started_at)::date as period_month,
               sum(coalesce(views.n, 0))::double / count(*) as v
        from stg_web__sessions as s left join views using (session_id) group by 1""",
    # 73: people employed on the last day of M.
    "headcount": """
        select months.period_month,
               (select count(distinct e.employee_id) from stg_hris__employees as e
                where e.start_date <= last_day(months.period_month)
                  and (e.termination_date is null or e.termination_date >= last_day(months.period_month))) as v
        from (select distinct period_month from kpis where kpi_name = 'headcount') as months""",
    # 92: CSAT responses rated 4 or 5 / CSAT responses.
    "customer_satisfaction_score": """
        select date_trunc('month', responded_at)::date as period_month,
               avg(case when rating >= 4 then 1.0 else 0 end) as v
        from stg_helpdesk__csat_responses where rating is not null group by 1""",
    # 101: tickets created in M.
    "ticket_volume": """
        select date_trunc('month', created_at)::date as period_month, count(*) as v
        from stg_helpdesk__tickets group by 1""",
}


@pytest.mark.parametrize("kpi_name", sorted(INDEPENDENT_SQL))
def test_mart_equals_independent_computation(quick_start, kpi_name):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        rows = con.sql(
            f"""
            with independent as ({INDEPENDENT_SQL[kpi_name]}),
            mart as (select period_month, value from kpis where kpi_name = '{kpi_name}' and dimension = 'all')
            select mart.period_month, mart.value, independent.v
            from mart left join independent using (period_month)
            order by 1
            """
        ).fetchall()
    assert len(rows) == 24
    differing = [
        (month, mart_value, independent_value)
        for month, mart_value, independent_value in rows
        if (mart_value is None) != (independent_value is None)
        or (mart_value is not None and mart_value != pytest.approx(independent_value, rel=1e-9))
    ]
    assert differing == []
