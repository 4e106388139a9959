"""Wrong or missing connector tables give an error naming the connector table and column.

Both checks run in ``scripts/build_available.py`` before dbt builds anything: a Stripe export
without its ``price`` table, and one whose ``subscription_item`` lacks ``plan_id``.
Part of ``make test-connectors`` (one dbt parse each).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from .conftest import REPO, build_available, database_with_only

STRIPE = REPO / "fixtures" / "connectors_saas" / "stripe"


def stripe_export(tmp_path: Path, leave_out: str) -> Path:
    folder = tmp_path / "stripe"
    shutil.copytree(STRIPE, folder, ignore=shutil.ignore_patterns(leave_out))
    return database_with_only(tmp_path / "stripe_export.duckdb", "stripe", folder)


def test_missing_connector_table_is_named(tmp_path):
    database = stripe_export(tmp_path, "price.csv")
    result = build_available(tmp_path, database, {"billing": "stripe"})
    assert result.returncode == 1
    assert "connector table stripe.price (source stripe.price) does not exist" in result.stderr
    assert "Check var connector_schemas" in result.stderr


def test_connector_table_without_a_column_of_its_layout_names_table_and_column(tmp_path):
    database = stripe_export(tmp_path, "no file left out")
    with duckdb.connect(str(database)) as con:
        con.execute("alter table stripe.subscription_item drop column plan_id")
    result = build_available(tmp_path, database, {"billing": "stripe"})
    assert result.returncode == 1
    assert "connector table stripe.subscription_item (source stripe.subscription_item) lacks column(s) plan_id" in (
        result.stderr
    )
