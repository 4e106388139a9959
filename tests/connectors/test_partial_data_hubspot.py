"""Partial data: a user who connects only HubSpot gets the sales KPIs HubSpot can feed.

A DuckDB file holds only the Fivetran HubSpot tables of fixture scenario ``connectors_sales``
(no raw-contract table, so no rep periods and no targets, and no owner -> employee id mapping).
``scripts/build_available.py`` must build the sales mart; the KPIs that read only tables HubSpot
feeds must equal the hand-worked values of scenario ``sales_mobile`` (same events), and the KPIs
that need rep periods or targets must have no value. Slow (a dbt build): ``make
test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

from .conftest import (
    REPO,
    assert_equal_to_expected,
    build_one_mart,
    database_with_only,
    expected_values,
    fed_kpis,
    mart_values,
    values_of,
)

HUBSPOT = REPO / "fixtures" / "connectors_sales" / "hubspot"


def test_only_hubspot_connected_builds_and_gives_hubspot_kpis(tmp_path):
    database = database_with_only(tmp_path / "hubspot_only.duckdb", "hubspot", HUBSPOT)
    result = build_one_mart(tmp_path, database, {"crm": "hubspot"}, "sales")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain sales: partial" in result.stdout

    kpis = fed_kpis("hubspot", "sales")
    assert {"average_deal_size", "lead_response_time", "sql_win_rate"} <= kpis
    assert not kpis & {"activities_per_rep", "pipeline_vs_target"}
    built = mart_values(database, ["sales_kpis"])
    assert_equal_to_expected(built, expected_values(["sales"], kpis))
    assert values_of(built, ("activities_per_rep", "pipeline_vs_target")) == {None}
