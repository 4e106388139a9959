"""Partial data: a user who connects only Shopify gets the ecommerce KPIs Shopify can feed.

A DuckDB file holds only the Fivetran Shopify tables of fixture scenario
``connectors_ecommerce`` (no raw-contract table, so no listing views, searches or reviews).
``scripts/build_available.py`` must build the ecommerce mart; the KPIs that read only tables
Shopify feeds must equal the hand-worked values of scenario ``ecommerce`` (same events), and the
KPIs that need listing views or reviews must have no value. Slow (a dbt build): ``make
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

SHOPIFY = REPO / "fixtures" / "connectors_ecommerce" / "shopify"


def test_only_shopify_connected_builds_and_gives_shopify_kpis(tmp_path):
    database = database_with_only(tmp_path / "shopify_only.duckdb", "shopify", SHOPIFY)
    result = build_one_mart(tmp_path, database, {"shop": "shopify"}, "ecommerce")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain ecommerce: partial" in result.stdout

    kpis = fed_kpis("shopify", "ecommerce")
    assert {"average_order_value", "cart_abandonment_rate", "active_seller_pct"} <= kpis
    built = mart_values(database, ["ecommerce_kpis"])
    assert_equal_to_expected(built, expected_values(["ecommerce"], kpis))
    assert values_of(built, ("listing_conversion_rate", "satisfied_transaction_pct")) == {None}
