"""Partial data: a user who connects only Zendesk Support gets the support KPIs Zendesk can feed.

A DuckDB file holds only the Fivetran Zendesk tables of fixture scenario ``connectors_support``
(no raw-contract table, so no calls, chats, effort surveys or help-center activity).
``scripts/build_available.py`` must build the support mart; the KPIs that read only tables
Zendesk feeds must equal the hand-worked values of scenario ``support`` (same events), and the
KPIs that need calls or effort surveys must have no value. Slow (a dbt build): ``make
test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import yaml

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

SCENARIO = REPO / "fixtures" / "connectors_support"


def test_only_zendesk_connected_builds_and_gives_zendesk_kpis(tmp_path):
    database = database_with_only(tmp_path / "zendesk_only.duckdb", "zendesk", SCENARIO / "zendesk")
    scenario_vars = yaml.safe_load((SCENARIO / "scenario.yml").read_text())["vars"]
    adapters = scenario_vars.pop("adapters")
    result = build_one_mart(tmp_path, database, adapters, "support", extra_vars=scenario_vars)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain support: partial" in result.stdout

    kpis = fed_kpis("zendesk", "support")
    assert {"ticket_volume", "escalation_rate", "customer_satisfaction_score", "open_tickets"} <= kpis
    built = mart_values(database, ["support_kpis"])
    assert_equal_to_expected(built, expected_values(["support"], kpis))
    assert values_of(built, ("average_handle_time", "call_abandonment_rate", "customer_effort_score")) == {None}
