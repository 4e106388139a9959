"""Partial data: a user who connects only Stripe gets the KPIs Stripe can feed.

A DuckDB file holds only the Fivetran Stripe tables of fixture scenario ``connectors_saas`` (no
raw-contract table at all). ``scripts/build_available.py`` must report the domains without data
in one line each, build the startup, finance and SaaS marts, and the KPIs that read only billing
tables must equal the hand-worked expected values of scenario ``revenue`` (same events).
Slow (a dbt build): run with ``make test-connectors``, not part of ``make test``.
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
STRIPE = REPO / "fixtures" / "connectors_saas" / "stripe"


def billing_only_kpis() -> set[str]:
    with (REPO / "seeds" / "catalog" / "kpi_definitions.csv").open() as handle:
        return {
            row["kpi_name"]
            for row in csv.DictReader(handle)
            if row["source_tables"] and all(t.startswith("billing.") for t in row["source_tables"].split("|"))
        }


def expected_rows(kpis: set[str]) -> dict[tuple, float]:
    rows = {}
    for domain in ("startup", "finance", "saas"):
        with (REPO / "seeds" / "expected" / f"expected_{domain}_kpis.csv").open() as handle:
            for row in csv.DictReader(handle):
                if row["kpi_name"] in kpis and row["value"] != "":
                    key = (row["kpi_name"], row["period_month"], row["dimension"], row["dimension_value"])
                    rows[key] = float(row["value"])
    return rows


def test_only_stripe_connected_builds_and_gives_stripe_kpis(tmp_path):
    database = tmp_path / "stripe_only.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("create schema stripe")
        for path in sorted(STRIPE.glob("*.csv")):
            con.execute(f"create table stripe.{path.stem} as select * from read_csv('{path}', header = true)")
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
        json.dumps({"adapters": {"billing": "stripe"}}),
        "--select",
        "+startup_kpis",
        "+finance_kpis",
        "+saas_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
    ]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain hr: skipped, no data" in result.stdout
    assert "domain saas: partial" in result.stdout and "billing.subscriptions" in result.stdout
    assert result.stdout.count("domain ") == 9

    kpis = billing_only_kpis()
    expected = expected_rows(kpis)
    assert expected, "the revenue scenario must expect values for the billing-only KPIs"
    with duckdb.connect(str(database), read_only=True) as con:
        built = {
            (name, str(month), dimension, value_of): value
            for name, month, dimension, value_of, value in con.sql(
                "select kpi_name, period_month, dimension, dimension_value, value from main.saas_kpis"
                " union all select kpi_name, period_month, dimension, dimension_value, value from main.startup_kpis"
                " union all select kpi_name, period_month, dimension, dimension_value, value from main.finance_kpis"
            ).fetchall()
            if name in kpis
        }
    for key, value in expected.items():
        assert key in built, f"missing {key}"
        assert abs(built[key] - value) <= 1e-6 * max(1.0, abs(value)), f"{key}: built {built[key]}, expected {value}"
