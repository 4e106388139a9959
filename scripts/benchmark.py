"""Time the whole pipeline at one or more scales and compare dbt with the DuckDB floor.

    python scripts/benchmark.py --scale 10
    python scripts/benchmark.py --scale 1 10 100 --markdown   # the README table
    python scripts/benchmark.py --scale 10 --target postgres  # on a throwaway PostgreSQL server
    python scripts/benchmark.py --scale 1 --target spark      # on a local Spark session

For each scale, in its own folder (default target/benchmark/scale_<n>, its own DuckDB file, so
kpi101.duckdb is never touched): generate the demo data, load it, load the seeds, then
`dbt run` and `dbt build` (models and data tests, as `make run`; unit tests belong to `make
test`). The floor is DuckDB alone executing the SQL that `dbt run` executed (its
run_results.json), model by model in dependency order in one connection, on a copy of the
database taken before dbt ran: what the models cost without dbt around them. Printed per scale:
seconds and peak memory of each phase, dbt's overhead above the floor (`dbt run` - floor), the
ratios to the floor, the ten slowest dbt nodes and the ten slowest models of the floor (run
alone, the floor prints every model's seconds, slowest first). On DuckDB three more phases follow:
dbt's fixed cost, a `dbt run` of one small model (start, saved parse, hooks, artifacts: what
every invocation pays); an appended day, one day of events appended to the built database
(scripts/append_event_day.py) and rebuilt by an incremental `dbt build`; and `dbt run --empty`,
every model with its inputs limited to no rows (dbt's own per-node work). The folder's database
and run_results.json are the full build's again at the end. Peak memory is the maximum resident
size reported by /usr/bin/time (GNU time) when it is installed.

--target postgres runs the same phases on a throwaway PostgreSQL server (scripts/test_postgres.py
starts it in a temporary folder; the server's own memory is not in the peak), and its floor
replays the SQL in one psycopg2 connection on a copy of the loaded database. --target spark runs
them on a local Spark session (dbt-spark's session method; requirements-spark.txt): Spark's
catalog lives in the process, so the phases run in one child process, timed one by one inside
it, with that process's peak memory; there is no floor on Spark.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the engines' helpers: test_postgres.py, test_spark.py

from append_event_day import append_event_day  # noqa: E402

BIN = Path(sys.executable).parent
GNU_TIME = Path("/usr/bin/time")
DUCKDB_MEMORY_LIMIT = "1280MiB"  # the default of KPI101_DUCKDB_MEMORY_LIMIT in profiles/profiles.yml


@dataclass
class Phase:
    seconds: float
    peak_mib: float | None
    output: str = ""


def measured(label: str, command: list[str], env: dict[str, str]) -> Phase:
    """Run a command, print and return its wall time and peak resident memory."""
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss_file:
        wrapped = [str(GNU_TIME), "-f", "%M", "-o", rss_file.name, *command] if GNU_TIME.exists() else command
        started = time.monotonic()
        result = subprocess.run(wrapped, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - started
        rss_text = Path(rss_file.name).read_text().strip().splitlines()
    if result.returncode != 0:
        print(result.stdout[-5000:], result.stderr[-5000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"{label} failed after {seconds:.1f}s")
    peak = int(rss_text[-1]) / 1024 if rss_text and rss_text[-1].isdigit() else None
    memory = f"  peak {peak:7.0f} MiB" if peak is not None else ""
    print(f"  {label:<10} {seconds:8.1f} s{memory}", flush=True)
    return Phase(seconds, peak, result.stdout)


def floor_statements(run_results: Path, manifest: Path, engine: str) -> dict[str, list[str]]:
    """The statements that create every model `dbt run` created, from the SQL it executed, on an
    empty copy of the loaded database, by model name in dependency order: DuckDB replaces a
    relation in one statement and names a schema with its catalog; PostgreSQL drops first and
    names schemas in the current database."""
    nodes = json.loads(manifest.read_text())["nodes"]
    results = json.loads(run_results.read_text())["results"]
    # run_results lists nodes in completion order: a model completes after all its parents.
    models = [r for r in results if r["unique_id"].startswith("model.") and r["status"] == "success"]
    statements: dict[str, list[str]] = {}
    for result in models:
        node = nodes[result["unique_id"]]
        model_statements = statements.setdefault(node["name"], [])
        relation = result["relation_name"]
        catalog_and_schema = re.match(r'^("[^"]+")\.("[^"]+")\.', relation)
        if catalog_and_schema:
            schema = ".".join(catalog_and_schema.groups()) if engine == "duckdb" else catalog_and_schema.group(2)
            model_statements.append(f"create schema if not exists {schema}")
        kind = "view" if node["config"]["materialized"] == "view" else "table"
        if engine == "postgres":
            model_statements.append(f"drop {kind} if exists {relation} cascade")
        create = f"create or replace {kind}" if engine == "duckdb" else f"create {kind}"
        model_statements.append(f"{create} {relation} as (\n{result['compiled_code']}\n)")
    print(f"floor: {len(models)} models", file=sys.stderr)
    return statements


def timed_models(statements: dict[str, list[str]], execute) -> int:
    """Execute each model's statements, then print every model's seconds, slowest first (stdout:
    benchmark_scale reads the ten slowest from it)."""
    seconds = {}
    for model, model_statements in statements.items():
        started = time.monotonic()
        for statement in model_statements:
            execute(statement)
        seconds[model] = time.monotonic() - started
    for model, model_seconds in sorted(seconds.items(), key=lambda item: item[1], reverse=True):
        print(f"{model_seconds:7.2f} s  {model}")
    return 0


def execute_floor(database: Path, run_results: Path, manifest: Path) -> int:
    """The DuckDB floor: every model `dbt run` created, from its SQL, in one connection."""
    import duckdb

    # The memory limit dbt's profile sets (profiles/profiles.yml), so that the floor and dbt compare alike.
    memory_limit = os.environ.get("KPI101_DUCKDB_MEMORY_LIMIT", DUCKDB_MEMORY_LIMIT)
    with duckdb.connect(str(database), config={"memory_limit": memory_limit}) as con:
        return timed_models(floor_statements(run_results, manifest, "duckdb"), con.execute)


def benchmark_scale(scale: float, threads: int, workdir: Path | None, target: str) -> dict[str, Phase | int | list]:
    folder = f"scale_{scale:g}" if target == "duckdb" else f"{target}_scale_{scale:g}"
    workdir = (workdir or ROOT / "target" / "benchmark" / folder).resolve()
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    env = {**os.environ, "DO_NOT_TRACK": "1", "KPI101_THREADS": str(threads)}
    data = workdir / "data"
    print(f"scale {scale:g} on {target} ({threads} dbt threads), in {workdir}", flush=True)
    phases: dict[str, Phase | int | list] = {}
    generate = [sys.executable, "scripts/generate_demo_data.py", "--scale", f"{scale:g}", "--out", str(data)]
    phases["generate"] = measured("generate", generate, env)
    if target == "spark":
        spark_phases(data, workdir, env, phases)
    elif target == "postgres":
        postgres_phases(data, workdir, env, phases)
    else:
        duckdb_phases(data, workdir, env, phases)

    manifest = json.loads((data / "_manifest.json").read_text())
    phases["raw_rows"] = sum(manifest["tables"].values())
    build_results = json.loads((workdir / "target" / "run_results.json").read_text())["results"]
    phases["slowest"] = sorted(build_results, key=lambda r: r["execution_time"], reverse=True)[:10]
    run, build = phases["dbt run"].seconds, phases["dbt build"].seconds
    summary = f"  raw rows {phases['raw_rows']:,}; dbt build / dbt run {build / run:.1f}x"
    if "floor" in phases:
        floor_seconds = phases["floor"].seconds
        summary += f"; dbt overhead (dbt run - floor) {run - floor_seconds:.1f} s"
        summary += f"; dbt run / floor {run / floor_seconds:.1f}x; dbt build / floor {build / floor_seconds:.1f}x"
    print(summary)
    if "dbt fixed" in phases:
        fixed, appended, empty = (phases[name].seconds for name in ("dbt fixed", "appended day", "dbt empty"))
        print(
            f"  dbt fixed cost (a dbt run of one small model) {fixed:.1f} s = {fixed / build:.0%} of dbt build;"
            f" dbt run --empty (no rows) {empty:.1f} s;"
            f" appended day rebuilt (incremental dbt build) in {appended:.1f} s = {appended / build:.0%} of the"
            " full dbt build"
        )
    print("  slowest dbt build nodes:")
    for result in phases["slowest"]:
        print(f"    {result['execution_time']:7.2f} s  {result['unique_id']}")
    if "floor" in phases:
        print("  slowest floor models:")
        for line in phases["floor"].output.splitlines()[:10]:
            print(f"    {line}")
    return phases


def dbt_flags(workdir: Path) -> list[str]:
    paths = ["--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs")]
    return ["--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles"), *paths]


# --full-refresh: after `dbt run`, the incremental event facts would otherwise re-derive only their window
BUILD_ARGS = ["build", "--full-refresh", "--exclude-resource-type", "unit_test", "--exclude-resource-type", "seed"]
INCREMENTAL_BUILD_ARGS = [arg for arg in BUILD_ARGS if arg != "--full-refresh"]
FIXED_COST_MODEL = "metricflow_time_spine"  # a small table that reads no other model


def duckdb_phases(data: Path, workdir: Path, env: dict[str, str], phases: dict) -> None:
    database = workdir / "kpi101.duckdb"
    floor_database = workdir / "floor" / "kpi101.duckdb"  # same file stem: the SQL names the catalog
    env = {**env, "KPI101_TARGET": "dev", "KPI101_DUCKDB_PATH": str(database)}
    dbt, flags = [str(BIN / "dbt")], dbt_flags(workdir)
    load_args = json.dumps({"root": str(data)})
    phases["load"] = measured("load", [*dbt, "run-operation", "load_raw_tables", "--args", load_args, *flags], env)
    phases["seed"] = measured("seed", [*dbt, "seed", *flags], env)
    floor_database.parent.mkdir()
    shutil.copyfile(database, floor_database)
    phases["dbt run"] = measured("dbt run", [*dbt, "run", *flags], env)
    run_results = workdir / "run_results.run.json"
    shutil.copyfile(workdir / "target" / "run_results.json", run_results)
    phases["dbt build"] = measured("dbt build", [*dbt, *BUILD_ARGS, *flags], env)
    floor = [sys.executable, __file__, "--execute-floor", str(floor_database), str(run_results)]
    phases["floor"] = measured("floor", [*floor, str(workdir / "target" / "manifest.json")], env)
    # The same database path and target folder throughout, so that dbt's saved parse stays valid;
    # the full build's database and run_results.json wait aside.
    full_build = workdir / "full" / "kpi101.duckdb"
    full_build.parent.mkdir()
    shutil.copyfile(database, full_build)
    shutil.copyfile(workdir / "target" / "run_results.json", full_build.parent / "run_results.json")
    try:
        # What any invocation pays whatever it builds: start, saved parse, hooks, artifacts.
        phases["dbt fixed"] = measured("dbt fixed", [*dbt, "run", "--select", FIXED_COST_MODEL, *flags], env)
        appended = append_event_day(database)
        print(f"  appended day: {', '.join(f'{rows:,} {kind} rows' for kind, rows in appended.items())}", flush=True)
        phases["appended day"] = measured("appended day", [*dbt, *INCREMENTAL_BUILD_ARGS, *flags], env)
        # Every model with its inputs limited to no rows: dbt's per-node work without the data's.
        phases["dbt empty"] = measured("dbt empty", [*dbt, "run", "--empty", *flags], env)
    finally:
        shutil.move(full_build, database)
        shutil.move(full_build.parent / "run_results.json", workdir / "target" / "run_results.json")
        full_build.parent.rmdir()


def postgres_phases(data: Path, workdir: Path, env: dict[str, str], phases: dict) -> None:
    """The DuckDB phases on a throwaway server; the floor runs on a copy of the loaded database."""
    import run_fixtures
    import test_postgres

    dbt, flags = [str(BIN / "dbt")], dbt_flags(workdir)
    with test_postgres.throwaway_server() as server:
        env = {**env, **server, "KPI101_TARGET": "postgres"}
        os.environ.update(server)
        root = run_fixtures.server_readable_inputs("benchmark", data)
        load_args = json.dumps({"root": str(root)})
        phases["load"] = measured("load", [*dbt, "run-operation", "load_raw_tables", "--args", load_args, *flags], env)
        phases["seed"] = measured("seed", [*dbt, "seed", *flags], env)

        def administer(*statements: str) -> None:
            connection = run_fixtures.postgres_connection(dbname="postgres")
            connection.autocommit = True
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
            connection.close()

        administer("create database kpi101_loaded template kpi101")
        phases["dbt run"] = measured("dbt run", [*dbt, "run", *flags], env)
        run_results = workdir / "run_results.run.json"
        shutil.copyfile(workdir / "target" / "run_results.json", run_results)
        phases["dbt build"] = measured("dbt build", [*dbt, *BUILD_ARGS, *flags], env)
        # The floor's SQL names the database kpi101: the loaded copy takes that name.
        administer("drop database kpi101", "alter database kpi101_loaded rename to kpi101")
        floor = [sys.executable, __file__, "--execute-floor-postgres", str(run_results)]
        phases["floor"] = measured("floor", [*floor, str(workdir / "target" / "manifest.json")], env)


def spark_phases(data: Path, workdir: Path, env: dict[str, str], phases: dict) -> None:
    """Spark's in-memory catalog lives in one process: every phase runs in one child, timed inside it."""
    import test_spark

    test_spark.ensure_java()
    env = {**env, "KPI101_SPARK_DIR": str(workdir / "spark"), "KPI101_SPARK_SCHEMA": "kpi101"}
    # Millions of rows: shuffles over both cores (adaptive execution merges small partitions) and a
    # driver heap above Spark's 1 GiB default, which local mode's one JVM shares with the executor.
    env.setdefault("KPI101_SPARK_SHUFFLE_PARTITIONS", "4")
    env.setdefault("KPI101_SPARK_DRIVER_MEMORY", "6g")
    child = measured("spark", [sys.executable, __file__, "--spark-phases", str(data), str(workdir)], env)
    for label, seconds in json.loads(child.output.strip().splitlines()[-1]).items():
        phases[label] = Phase(seconds, child.peak_mib)
        print(f"    {label:<10} {seconds:8.1f} s", flush=True)


def run_spark_phases(data: Path, workdir: Path) -> int:
    from dbt.cli.main import dbtRunner

    flags = [*dbt_flags(workdir), "--target", "spark_session"]
    seconds: dict[str, float] = {}
    started = time.monotonic()
    parsed = dbtRunner().invoke(["parse", *flags])
    if not parsed.success:
        raise SystemExit(f"dbt parse failed: {parsed.exception}")
    seconds["parse"] = time.monotonic() - started
    runner = dbtRunner(manifest=parsed.result)
    steps = {
        "load": ["run-operation", "load_raw_tables", "--args", json.dumps({"root": str(data)})],
        "seed": ["seed"],
        "dbt run": ["run"],
        "dbt build": BUILD_ARGS,
    }
    for label, args in steps.items():
        started = time.monotonic()
        if not runner.invoke([*args, *flags]).success:
            raise SystemExit(f"{label} failed on Spark")
        seconds[label] = time.monotonic() - started
    print(json.dumps(seconds))
    return 0


def execute_floor_postgres(run_results: Path, manifest: Path) -> int:
    """The PostgreSQL floor: every model `dbt run` created, from its SQL, in one connection."""
    import run_fixtures

    connection = run_fixtures.postgres_connection()
    connection.autocommit = True
    with connection.cursor() as cursor:
        timed_models(floor_statements(run_results, manifest, "postgres"), cursor.execute)
    connection.close()
    return 0


def markdown_table(by_scale: dict[float, dict]) -> str:
    columns = ["engine", "scale", "raw rows", "generate", "load", "dbt run", "dbt build", "floor", "dbt run - floor"]
    columns += ["run / floor", "build / floor", "dbt fixed", "dbt run --empty", "appended day", "peak memory"]
    lines = ["| " + " | ".join(columns) + " |", "|" + " ---: |" * len(columns)]
    for (target, scale), phases in by_scale.items():
        timed = [phases[name] for name in ("generate", "load", "dbt run", "dbt build")]
        peaks = [p.peak_mib for p in (*timed, phases["seed"]) if p.peak_mib is not None]
        run, build = phases["dbt run"].seconds, phases["dbt build"].seconds
        floor = phases["floor"].seconds if "floor" in phases else None
        cells = [
            target,
            f"{scale:g}",
            f"{phases['raw_rows']:,}",
            *(f"{p.seconds:.1f} s" for p in timed),
            *(
                (f"{floor:.1f} s", f"{run - floor:.1f} s", f"{run / floor:.1f}x", f"{build / floor:.1f}x")
                if floor
                else ("n/a",) * 4
            ),
            *(
                (f"{phases[name].seconds:.1f} s" for name in ("dbt fixed", "dbt empty", "appended day"))
                if "dbt fixed" in phases
                else ("n/a",) * 3
            ),
            f"{max(peaks) / 1024:.2f} GiB" if peaks else "n/a",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, nargs="+", default=[10.0], help="generator scale(s) (default 10)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2, help="dbt threads")
    parser.add_argument("--workdir", type=Path, help="folder for data, database and dbt artifacts (one scale only)")
    parser.add_argument("--markdown", action="store_true", help="end with a Markdown table of every scale")
    parser.add_argument(
        "--target",
        nargs="+",
        choices=["duckdb", "postgres", "spark"],
        default=["duckdb"],
        help="engine(s): duckdb (default), postgres (a throwaway local server), spark (a local session)",
    )
    parser.add_argument(
        "--execute-floor", nargs=3, metavar=("DATABASE", "RUN_RESULTS", "MANIFEST"), help=argparse.SUPPRESS
    )
    parser.add_argument("--execute-floor-postgres", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--spark-phases", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.execute_floor:
        return execute_floor(*(Path(p) for p in args.execute_floor))
    if args.execute_floor_postgres:
        return execute_floor_postgres(*(Path(p) for p in args.execute_floor_postgres))
    if args.spark_phases:
        return run_spark_phases(*(Path(p) for p in args.spark_phases))
    if args.workdir and len(args.scale) * len(args.target) > 1:
        parser.error("--workdir takes one scale and one target")
    by_scale = {
        (target, scale): benchmark_scale(scale, args.threads, args.workdir, target)
        for target in args.target
        for scale in args.scale
    }
    if args.markdown:
        print()
        print(markdown_table(by_scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
