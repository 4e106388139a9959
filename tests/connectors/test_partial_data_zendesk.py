"""Partial data: a user who connects only Zendesk Support gets the support KPIs Zendesk can feed.

A DuckDB file holds only the Fivetran Zendesk tables of fixture scenario ``connectors_support``
(no raw-contract table, so no calls, chats, effort surveys or help-center activity).
``scripts/build_available.py`` must build the support mart; the KPIs that read only tables
Zendesk feeds must equal the hand-worked values of scenario ``support`` (same events), and the
KPIs that need calls or effort surveys must have no value. Slow (a dbt build): ``make
test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import sys

import yaml

from .conftest import REPO, assert_equal_to_expected, build_available, database_with_only, expected_values, mart_values

SCENARIO = REPO / "fixtures" / "connectors_support"
sys.path.insert(0, str(REPO / "scripts"))

import connector_coverage  # noqa: E402


def zendesk_fed_kpis() -> set[str]:
    fed = {table for table, rows in connector_coverage.connector_tables()["zendesk"].items() if rows}
    return {
        name
        for name, domain, sources in connector_coverage.kpi_sources()
        if domain == "support" and sources and set(sources) <= fed
    }


def test_only_zendesk_connected_builds_and_gives_zendesk_kpis(tmp_path):
    database = database_with_only(tmp_path / "zendesk_only.duckdb", "zendesk", SCENARIO / "zendesk")
    scenario_vars = yaml.safe_load((SCENARIO / "scenario.yml").read_text())["vars"]
    result = build_available(
        tmp_path,
        database,
        scenario_vars.pop("adapters"),
        "--select",
        "+support_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        "unit_test",
        extra_vars=scenario_vars,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain support: partial" in result.stdout

    kpis = zendesk_fed_kpis()
    assert {"ticket_volume", "escalation_rate", "customer_satisfaction_score", "open_tickets"} <= kpis
    built = mart_values(database, ["support_kpis"])
    assert_equal_to_expected(built, expected_values(["support"], kpis))
    without_calls_or_surveys = {
        value
        for (name, *_), value in built.items()
        if name in ("average_handle_time", "call_abandonment_rate", "customer_effort_score")
    }
    assert without_calls_or_surveys == {None}
