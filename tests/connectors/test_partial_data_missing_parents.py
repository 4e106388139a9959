"""Partial data: a missing parent export (buyers, sellers) never skips a whole mart.

Scenario ``ecommerce``'s raw-contract files are loaded without ``shop/buyers.csv`` and
``shop/sellers.csv`` (the loader creates those tables empty), so every order, cart, search,
listing view and listing points to a parent that is not there. The build must succeed, count
the orphan rows of each reference in ``audit.orphan_references`` (checked against counts taken
from the CSVs here), log a warning naming table and column, and give every ecommerce KPI that
does not read buyers or sellers its hand-worked value of scenario ``ecommerce``. Slow (a dbt
build): ``make test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from .conftest import REPO, assert_equal_to_expected, build_one_mart, dbt_environment, expected_values, mart_values

ECOMMERCE = REPO / "fixtures" / "ecommerce"
MISSING_PARENTS = {"shop.buyers": "buyer_id", "shop.sellers": "seller_id"}
sys.path.insert(0, str(REPO / "scripts"))

import connector_coverage  # noqa: E402


def non_empty_values(table: str, column: str) -> int:
    source, name = table.split(".")
    with (ECOMMERCE / source / f"{name}.csv").open() as handle:
        return sum(1 for row in csv.DictReader(handle) if row.get(column))


def test_missing_buyers_and_sellers_exports_build_and_count_orphans(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ECOMMERCE, data, ignore=shutil.ignore_patterns("buyers.csv", "sellers.csv", "*.md", "*.yml"))
    database = tmp_path / "missing_parents.duckdb"
    dbt = str(Path(sys.executable).parent / "dbt")
    project = ["--project-dir", str(REPO), "--profiles-dir", str(REPO / "profiles")]
    load = subprocess.run(
        [dbt, "run-operation", "load_raw_tables", "--args", json.dumps({"root": str(data)}), *project],
        cwd=tmp_path,
        env=dbt_environment(tmp_path, database),
        capture_output=True,
        text=True,
    )
    assert load.returncode == 0, load.stdout[-4000:]
    assert "no file for shop.buyers" in load.stdout

    result = build_one_mart(tmp_path, database, {}, "ecommerce")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "orphan references:" in result.stdout
    assert "of shop.orders.customer_id point to no shop.buyers.buyer_id" in result.stdout

    with duckdb.connect(str(database), read_only=True) as con:
        audited = con.sql(
            "select child_table, child_column, parent_table, orphan_rows from audit.orphan_references"
        ).fetchall()
    orphans = {(child, column): rows for child, column, parent, rows in audited if parent in MISSING_PARENTS}
    assert {("shop.orders", "customer_id"), ("shop.listings", "seller_id"), ("shop.carts", "buyer_id")} <= set(orphans)
    for (child, column), rows in orphans.items():
        assert rows == non_empty_values(child, column), f"{child}.{column}"
    assert all(rows == 0 for _, _, parent, rows in audited if parent not in MISSING_PARENTS)

    unaffected = {
        name
        for name, domain, sources in connector_coverage.kpi_sources()
        if domain == "ecommerce" and sources and not set(sources) & set(MISSING_PARENTS)
    }
    assert {"average_order_value", "purchase_frequency", "new_seller_growth_rate"} <= unaffected
    assert_equal_to_expected(mart_values(database, ["ecommerce_kpis"]), expected_values(["ecommerce"], unaffected))
