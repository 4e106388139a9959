"""Partial data: a user who connects only Shopify gets the ecommerce KPIs Shopify can feed.

A DuckDB file holds only the Fivetran Shopify tables of fixture scenario
``connectors_ecommerce`` (no raw-contract table, so no listing views, searches or reviews).
``scripts/build_available.py`` must build the ecommerce mart; the KPIs that read only tables
Shopify feeds must equal the hand-worked values of scenario ``ecommerce`` (same events), and the
KPIs that need listing views or reviews must have no value. Slow (a dbt build): ``make
test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
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


def expected_rows(kpis: set[str]) -> dict[tuple, float]:
    with (REPO / "seeds" / "expected" / "expected_ecommerce_kpis.csv").open() as handle:
        return {
            (row["kpi_name"], row["period_month"], row["dimension"], row["dimension_value"]): float(row["value"])
            for row in csv.DictReader(handle)
            if row["kpi_name"] in kpis and row["value"] != ""
        }


def test_only_shopify_connected_builds_and_gives_shopify_kpis(tmp_path):
    database = tmp_path / "shopify_only.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("create schema shopify")
        for path in sorted(SHOPIFY.glob("*.csv")):
            con.execute(f"create table shopify.\"{path.stem}\" as select * from read_csv('{path}', header = true)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KPI101_", "DBT_"))}
    env.update(
        DO_NOT_TRACK="1",
        KPI101_TARGET="dev",
        KPI101_DUCKDB_PATH=str(database),
        DBT_TARGET_PATH=str(tmp_path / "target"),
        DBT_LOG_PATH=str(tmp_path / "logs"),
    )
    command = [
        sys.executable,
        str(REPO / "scripts" / "build_available.py"),
        "--vars",
        json.dumps({"adapters": {"shop": "shopify"}}),
        "--select",
        "+ecommerce_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        "unit_test",
    ]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain ecommerce: partial" in result.stdout

    kpis = shopify_fed_kpis()
    assert {"average_order_value", "cart_abandonment_rate", "active_seller_pct"} <= kpis
    expected = expected_rows(kpis)
    with duckdb.connect(str(database), read_only=True) as con:
        built = {
            (name, str(month), dimension, value_of): value
            for name, month, dimension, value_of, value in con.sql(
                "select kpi_name, period_month, dimension, dimension_value, value from main.ecommerce_kpis"
            ).fetchall()
        }
    for key, value in expected.items():
        assert key in built, f"missing {key}"
        assert abs(built[key] - value) <= 1e-6 * max(1.0, abs(value)), f"{key}: built {built[key]}, expected {value}"
    without_views_or_reviews = {
        value for (name, *_), value in built.items() if name in ("listing_conversion_rate", "satisfied_transaction_pct")
    }
    assert without_views_or_reviews == {None}
