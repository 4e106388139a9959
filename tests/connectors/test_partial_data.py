"""Partial data: a user who connects only Stripe gets the KPIs Stripe can feed.

A DuckDB file holds only the Fivetran Stripe tables of fixture scenario ``connectors_saas``
(subscriptions and invoices; no raw-contract table at all), switched on for billing and
accounting. ``scripts/build_available.py`` must report the domains without data in one line
each, build the startup, finance and SaaS marts, and the KPIs that read only billing tables and
customer invoices must equal the hand-worked expected values of scenario ``revenue`` (same events).
Slow (a dbt build): run with ``make test-connectors``, not part of ``make test``.
"""

from __future__ import annotations

import csv

import duckdb

from .conftest import REPO, assert_equal_to_expected, build_available, database_with_only, expected_values, mart_values

STRIPE = REPO / "fixtures" / "connectors_saas" / "stripe"
STRIPE_INVOICES = REPO / "fixtures" / "connectors_saas" / "stripe_invoicing" / "invoice.csv"


def stripe_fed_kpis() -> set[str]:
    with (REPO / "seeds" / "catalog" / "kpi_definitions.csv").open() as handle:
        return {
            row["kpi_name"]
            for row in csv.DictReader(handle)
            if row["source_tables"]
            and all(
                t.startswith("billing.") or t == "accounting.customer_invoices" for t in row["source_tables"].split("|")
            )
        }


def test_only_stripe_connected_builds_and_gives_stripe_kpis(tmp_path):
    database = database_with_only(tmp_path / "stripe_only.duckdb", "stripe", STRIPE)
    with duckdb.connect(str(database)) as con:
        con.execute("create table stripe.invoice as select * from read_csv(?, header = true)", [str(STRIPE_INVOICES)])
    result = build_available(
        tmp_path,
        database,
        {"billing": "stripe", "accounting": "stripe"},
        "--select",
        "+startup_kpis",
        "+finance_kpis",
        "+saas_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain hr: skipped, no data" in result.stdout
    saas_line = next(line for line in result.stdout.splitlines() if line.startswith("domain saas: partial"))
    assert "stripe.subscription_item" in saas_line
    assert result.stdout.count("domain ") == 9

    kpis = stripe_fed_kpis()
    assert "accounts_receivable" in kpis
    expected = expected_values(["startup", "finance", "saas"], kpis)
    assert expected, "the revenue scenario must expect values for the Stripe-fed KPIs"
    built = mart_values(database, ["saas_kpis", "startup_kpis", "finance_kpis"])
    assert_equal_to_expected({key: value for key, value in built.items() if key[0] in kpis}, expected)
