"""Two builds of the same data, with 1 and 4 dbt threads, give the same KPI rows.

Hashes the ordered rows of support_kpis built from fixtures/support (doubles to 12
significant digits, as the issue asks). The order-independent sums (macros/kpi/exact_sum.sql)
were checked on the demo data, where parallel aggregation used to change the last bits of
35 rows between builds; the demo is too slow to build twice here.
"""

from __future__ import annotations

import hashlib
import json

import duckdb
from dbt.cli.main import dbtRunner

from .conftest import REPO, dbt_flags
from .test_loader_corpus import release_duckdb


def ordered_rows_hash(database, relation: str) -> tuple[int, str]:
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.sql(f"select * from {relation} order by all").fetchall()
    normalised = [tuple(f"{value:.12g}" if isinstance(value, float) else value for value in row) for row in rows]
    return len(rows), hashlib.sha256(repr(normalised).encode()).hexdigest()


def test_builds_with_1_and_4_threads_give_identical_kpis(tmp_path, monkeypatch):
    database = tmp_path / "determinism.duckdb"
    monkeypatch.setenv("KPI101_DUCKDB_PATH", str(database))
    monkeypatch.setenv("KPI101_TARGET", "dev")
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    flags = [*dbt_flags(tmp_path), "--log-level-file", "none", "--quiet"]
    parsed = dbtRunner().invoke(["parse", *flags])
    assert parsed.success, parsed.exception
    runner = dbtRunner(manifest=parsed.result)

    def invoke(*args: str) -> None:
        try:
            result = runner.invoke([*args, *flags])
        finally:
            release_duckdb()
        assert result.success, (args, result.exception)

    invoke("run-operation", "load_raw_tables", "--args", json.dumps({"root": str(REPO / "fixtures" / "support")}))
    hashes = []
    for threads in ("1", "4"):
        invoke("run", "--select", "+support_kpis", "--threads", threads)
        hashes.append(ordered_rows_hash(database, "support_kpis"))
    assert hashes[0][0] > 50
    assert hashes[0] == hashes[1]
