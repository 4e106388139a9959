"""Check that an incremental `dbt run` gives the same tables as a full refresh on the same data.

    python scripts/check_incremental.py                    # scale 0.5, 4 months (make test-incremental)
    python scripts/check_incremental.py --scale 1 --months 24 --work-dir target/incremental

Generates a small company, loads it and builds the domains the incremental event facts feed
(ecommerce, marketing, mobile app, SaaS, startup, support); then appends a new day, late rows
inside the lookback window and re-sent duplicates (scripts/append_event_day.py), runs `dbt run`
again (incremental: each incremental model must have re-derived only its window), runs the data
tests of those models on the result, keeps a copy, rebuilds with `dbt run --full-refresh`, and
compares every mart and every incremental model of the two row by row (scripts/compare_marts.py).
One dbt parse for all steps. Exit status 0 when they are identical.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
from dbt.adapters.duckdb.connections import DuckDBConnectionManager
from dbt.cli.main import dbtRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from append_event_day import append_event_day  # noqa: E402
from compare_marts import compare  # noqa: E402

# The marts whose lineage holds every incremental model (kpis, the union of all domains, is left out).
MARTS = ["ecommerce_kpis", "marketing_kpis", "mobile_app_kpis", "saas_kpis", "startup_kpis", "support_kpis"]
SELECTION = ["--select", *(f"+{mart}" for mart in MARTS)]


class Dbt:
    """dbt on this project against one DuckDB file, parsed once."""

    def __init__(self, database: Path, work_dir: Path):
        os.environ.update(KPI101_TARGET="dev", KPI101_DUCKDB_PATH=str(database), DO_NOT_TRACK="1")
        self.args = ["--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles")]
        self.args += ["--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs"), "--quiet"]
        parsed = dbtRunner().invoke(["parse", *self.args])
        if not parsed.success:
            raise SystemExit(f"dbt parse failed: {parsed.exception}")
        self.manifest = parsed.result
        self.runner = dbtRunner(manifest=self.manifest)

    def __call__(self, *args: str):
        result = self.runner.invoke([*args, *self.args])
        # dbt-duckdb keeps the file open in this process after the invocation; the steps in
        # between open it with duckdb directly, so close it (the next invocation reopens it).
        environment = DuckDBConnectionManager._ENV
        if environment is not None:
            environment.close()
        if not result.success:
            raise SystemExit(f"dbt {' '.join(args)} failed: {result.exception or 'see the log above'}")
        return result.result

    def incremental_models(self) -> list[str]:
        return sorted(
            node.name
            for node in self.manifest.nodes.values()
            if node.resource_type == "model" and node.config.materialized == "incremental"
        )


def row_counts(database: Path, tables: list[str]) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as con:
        return {table: con.execute(f"select count(*) from main.{table}").fetchone()[0] for table in tables}


def compiled_code(results, models: list[str]) -> dict[str, str]:
    return {result.node.name: result.node.compiled_code for result in results.results if result.node.name in models}


def check(work_dir: Path, scale: float, months: int) -> int:
    data, database = work_dir / "data", work_dir / "kpi101.duckdb"
    generate = [sys.executable, str(ROOT / "scripts" / "generate_demo_data.py"), "--start", "2024-01-01"]
    generate += ["--scale", str(scale), "--months", str(months), "--out", str(data), "--jobs", "1", "--no-progress"]
    subprocess.run(generate, check=True)
    dbt = Dbt(database, work_dir)
    incremental = dbt.incremental_models()
    dbt("run-operation", "load_raw_tables", "--args", f"{{root: '{data}'}}")
    dbt("seed")
    full_code = compiled_code(dbt("run", *SELECTION), incremental)
    built = row_counts(database, incremental)

    print("appended:", append_event_day(database))
    # an incremental run compiles each model's window branch: its SQL differs from the full build's
    incremental_code = compiled_code(dbt("run", *SELECTION), incremental)
    windowed = {name for name in incremental if incremental_code.get(name) not in (None, full_code.get(name))}
    grown = row_counts(database, incremental)
    for table in incremental:
        print(f"{table}: {built[table]:,} rows before the new day, {grown[table]:,} after the incremental run")
    problems = [f"{name} re-derived everything, not a window" for name in incremental if name not in windowed]
    problems += [f"{name} got no new rows" for name in incremental if grown[name] <= built[name]]
    # the appended rows must keep those models' data tests green (unique ids, valid values);
    # cautious: not the tests that also read a model outside these domains (left unbuilt)
    dbt("test", *SELECTION, "--indirect-selection", "cautious")

    incremental_copy = work_dir / "incremental.duckdb"
    shutil.copyfile(database, incremental_copy)
    dbt("run", *SELECTION, "--full-refresh")
    marts_differ = compare(database, incremental_copy, None, 5)
    models_differ = compare(database, incremental_copy, incremental, 5)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if marts_differ or models_differ:
        print("PROBLEM: the incremental build differs from the full refresh (before = full refresh)")
    return 1 if problems or marts_differ or models_differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=0.5, help="generator scale (default 0.5)")
    parser.add_argument("--months", type=int, default=4, help="months of data (default 4)")
    parser.add_argument(
        "--work-dir", type=Path, help="keep the data and both databases here (default: a temporary folder)"
    )
    args = parser.parse_args(argv)
    if args.work_dir:
        args.work_dir.mkdir(parents=True, exist_ok=True)
        return check(args.work_dir.resolve(), args.scale, args.months)
    with tempfile.TemporaryDirectory(prefix="kpi101-incremental-") as work_dir:
        return check(Path(work_dir), args.scale, args.months)


if __name__ == "__main__":
    sys.exit(main())
