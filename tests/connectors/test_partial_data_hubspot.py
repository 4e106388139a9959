"""Partial data: a user who connects only HubSpot gets the sales KPIs HubSpot can feed.

A DuckDB file holds only the Fivetran HubSpot tables of fixture scenario ``connectors_sales``
(no raw-contract table, so no rep periods and no targets, and no owner -> employee id mapping).
``scripts/build_available.py`` must build the sales mart; the KPIs that read only tables HubSpot
feeds must equal the hand-worked values of scenario ``sales_mobile`` (same events), and the KPIs
that need rep periods or targets must have no value. Slow (a dbt build): ``make
test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import sys

from .conftest import REPO, assert_equal_to_expected, build_available, database_with_only, expected_values, mart_values

HUBSPOT = REPO / "fixtures" / "connectors_sales" / "hubspot"
sys.path.insert(0, str(REPO / "scripts"))

import connector_coverage  # noqa: E402


def hubspot_fed_kpis() -> set[str]:
    fed = {table for table, rows in connector_coverage.connector_tables()["hubspot"].items() if rows}
    return {
        name
        for name, domain, sources in connector_coverage.kpi_sources()
        if domain == "sales" and sources and set(sources) <= fed
    }


def test_only_hubspot_connected_builds_and_gives_hubspot_kpis(tmp_path):
    database = database_with_only(tmp_path / "hubspot_only.duckdb", "hubspot", HUBSPOT)
    result = build_available(
        tmp_path,
        database,
        {"crm": "hubspot"},
        "--select",
        "+sales_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        "unit_test",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain sales: partial" in result.stdout

    kpis = hubspot_fed_kpis()
    assert {"average_deal_size", "lead_response_time", "sql_win_rate"} <= kpis
    assert not kpis & {"activities_per_rep", "pipeline_vs_target"}
    built = mart_values(database, ["sales_kpis"])
    assert_equal_to_expected(built, expected_values(["sales"], kpis))
    without_reps_or_targets = {
        value for (name, *_), value in built.items() if name in ("activities_per_rep", "pipeline_vs_target")
    }
    assert without_reps_or_targets == {None}
