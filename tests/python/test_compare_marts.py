"""scripts/compare_marts.py: two builds' marts compared row by row, values exactly."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import duckdb

from .conftest import REPO

spec = importlib.util.spec_from_file_location("compare_marts", REPO / "scripts" / "compare_marts.py")
compare_marts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_marts)

KPI_ROWS = [
    ("ticket_volume", "2024-01-01", "all", "all", 10.0),
    ("ticket_volume", "2024-02-01", "all", "all", 12.0),
]


def build(path: Path, kpi_rows: list[tuple], support_rows: list[tuple]) -> Path:
    with duckdb.connect(str(path)) as con:
        for table, rows in (("kpis", kpi_rows), ("support_kpis", support_rows)):
            con.execute(
                f"create table {table} (kpi_name varchar, period_month date, dimension varchar,"
                " dimension_value varchar, value double)"
            )
            if rows:
                con.executemany(f"insert into {table} values (?, ?, ?, ?, ?)", rows)
        # a seed of expected values is not a mart: never compared
        con.execute("create table expected_support_kpis as select 1 as differs_anyway")
    return path


def test_identical_builds_pass(tmp_path, capsys):
    before = build(tmp_path / "before.duckdb", KPI_ROWS, KPI_ROWS)
    after = build(tmp_path / "after.duckdb", list(reversed(KPI_ROWS)), KPI_ROWS)
    assert compare_marts.main([str(before), str(after)]) == 0
    out = capsys.readouterr().out
    assert "all 2 marts identical" in out
    assert "expected_support_kpis" not in out


def test_a_changed_value_and_a_duplicated_row_are_reported(tmp_path, capsys):
    before = build(tmp_path / "before.duckdb", KPI_ROWS, KPI_ROWS)
    # the last digit of a float counts; a row present twice is one row too many
    changed = [KPI_ROWS[0], (*KPI_ROWS[1][:4], 12.000000000000002)]
    after = build(tmp_path / "after.duckdb", changed, [*KPI_ROWS, KPI_ROWS[0]])
    assert compare_marts.main([str(before), str(after)]) == 1
    out = capsys.readouterr().out
    assert "kpis: 1 row(s) only before" in out
    assert "kpis: 1 row(s) only after" in out
    assert "support_kpis: 1 row(s) only after" in out
    assert "support_kpis: 1 row(s) only before" not in out
    assert "2 of 2 marts differ" in out


def test_a_mart_missing_from_one_build_is_reported(tmp_path, capsys):
    before = build(tmp_path / "before.duckdb", KPI_ROWS, KPI_ROWS)
    after = tmp_path / "after.duckdb"
    with duckdb.connect(str(after)) as con:
        con.execute("create table kpis as select * from (values (1)) t(x)")
    assert compare_marts.main([str(before), str(after), "--tables", "support_kpis"]) == 1
    assert "support_kpis: only in before" in capsys.readouterr().out
