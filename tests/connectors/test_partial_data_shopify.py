"""Partial data: a user who connects only Shopify gets the ecommerce KPIs Shopify can feed.

A DuckDB file holds only the Fivetran Shopify tables of fixture scenario
``connectors_ecommerce`` (no raw-contract table, so no listing views, searches or reviews).
``scripts/build_available.py`` must build the ecommerce mart; the KPIs that read only tables
Shopify feeds must equal the hand-worked values of scenario ``ecommerce`` (same events), and the
KPIs that need listing views or reviews must have no value. Slow (a dbt build): ``make
test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import sys

from .conftest import REPO, assert_equal_to_expected, build_available, database_with_only, expected_values, mart_values

SHOPIFY = REPO / "fixtures" / "connectors_ecommerce" / "shopify"
sys.path.insert(0, str(REPO / "scripts"))

import connector_coverage  # noqa: E402


def shopify_fed_kpis() -> set[str]:
    fed = {table for table, rows in connector_coverage.connector_tables()["shopify"].items() if rows}
    return {
        name
        for name, domain, sources in connector_coverage.kpi_sources()
        if domain == "ecommerce" and sources and set(sources) <= fed
    }


def test_only_shopify_connected_builds_and_gives_shopify_kpis(tmp_path):
    database = database_with_only(tmp_path / "shopify_only.duckdb", "shopify", SHOPIFY)
    result = build_available(
        tmp_path,
        database,
        {"shop": "shopify"},
        "--select",
        "+ecommerce_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        "unit_test",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain ecommerce: partial" in result.stdout

    kpis = shopify_fed_kpis()
    assert {"average_order_value", "cart_abandonment_rate", "active_seller_pct"} <= kpis
    built = mart_values(database, ["ecommerce_kpis"])
    assert_equal_to_expected(built, expected_values(["ecommerce"], kpis))
    without_views_or_reviews = {
        value for (name, *_), value in built.items() if name in ("listing_conversion_rate", "satisfied_transaction_pct")
    }
    assert without_views_or_reviews == {None}
