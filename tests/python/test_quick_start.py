"""The README's first command works on a fresh copy and leaves a queryable DuckDB file."""

from __future__ import annotations

import duckdb

from .spec_kpi_names import SPEC_KPI_NAMES


def test_make_run_succeeds_from_nothing(quick_start):
    result = quick_start["result"]
    assert result.returncode == 0, f"make run failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    assert quick_start["database"].exists()
    assert "Built all KPI marts into" in result.stdout
    for test_step in ("sqlfluff lint", "run_fixtures.py", "bin/pytest"):
        assert test_step not in result.stdout, f"make run must not run the test suite ({test_step})"
    print(f"make run on a fresh copy took {quick_start['seconds']:.0f}s")


def test_kpis_is_queryable(quick_start):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        columns = [row[0] for row in con.sql("describe kpis").fetchall()]
        assert columns == [
            "domain",
            "kpi_id",
            "kpi_name",
            "period_month",
            "dimension",
            "dimension_value",
            "value",
            "numerator",
            "denominator",
            "is_complete",
        ]
        assert con.sql("select count(*) from kpis").fetchone()[0] > 0


def test_catalog_lists_the_101_spec_kpis(quick_start):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        rows = con.sql("select kpi_id, kpi_name from kpi_catalog order by kpi_id").fetchall()
    assert [kpi_id for kpi_id, _ in rows] == list(range(1, 102))
    assert {kpi_id: name for kpi_id, name in rows} == SPEC_KPI_NAMES


def test_catalog_implemented_flag_matches_the_marts(quick_start):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        claimed = {r[0] for r in con.sql("select kpi_id from kpi_catalog where is_implemented").fetchall()}
        produced = {r[0] for r in con.sql("select distinct kpi_id from kpis").fetchall()}
    assert claimed == produced


def test_staging_audit_accounts_for_every_dropped_row(quick_start):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        staging_views = {
            row[0]
            for row in con.sql(
                "select table_name from information_schema.tables where table_name like 'stg\\_%' escape '\\'"
            ).fetchall()
        }
        audit = con.sql(
            "select model_name, source_rows, staged_rows, dropped_rows, reason from audit.staging_row_counts"
        ).fetchall()
    assert {row[0] for row in audit} == staging_views
    for model_name, source_rows, staged_rows, dropped_rows, reason in audit:
        assert dropped_rows == source_rows - staged_rows, model_name
        assert dropped_rows >= 0, model_name
        if "quarantined" not in reason:
            assert reason == ("exact duplicate rows removed" if dropped_rows else "none dropped"), model_name
    assert sum(row[3] for row in audit) > 0, "the demo data carries duplicate export rows that staging must count"
