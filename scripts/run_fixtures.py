"""Build and test the KPI marts on the hand-made fixture scenarios.

Each scenario folder ``fixtures/<name>/`` holds ``scenario.yml`` (the domains it covers, and
optionally ``vars:`` passed to dbt, e.g. ``adapters: {billing: stripe}`` to read billing from
the Stripe connector layout) and ``<source>/<table>.csv`` files. For every scenario this script
loads the CSVs into a fresh DuckDB file (``target/fixtures.duckdb``) with ``load_raw_tables``,
then runs ``dbt build`` on the lineage of the scenario's domain marts on the ``fixtures``
target, where each mart is compared with its expected-values seed.

    python scripts/run_fixtures.py             # every scenario
    python scripts/run_fixtures.py marketing   # only these
    python scripts/run_fixtures.py --quiet     # dbt's output to target/fixtures.log (make test)
    python scripts/run_fixtures.py --target fixtures_postgres   # on the PostgreSQL server the
        # KPI101_PG_* variables name (scripts/test_postgres.py starts a throwaway one)
    python scripts/run_fixtures.py --target fixtures_spark   # on a Spark session in this process
        # (requirements-spark.txt; scripts/test_spark.py gives it a throwaway folder)
    python scripts/run_fixtures.py --marts-only hr   # seeds and models, then only the
        # comparisons with the expected seeds (no other data tests, no unit tests)

A scenario may also list ``append_rows`` (impossible rows added to some of its CSVs, one
defect each; fixtures/quarantine_cases.md) and ``expected_quarantine`` (every row staging must
quarantine, as model, rule and key). Its marts must still equal the hand-worked expected values,
which ignore those rows, and audit.quarantined_rows must hold exactly the expected rows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import yaml
from dbt.cli.main import dbtRunner

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DATABASE = ROOT / "target" / "fixtures.duckdb"
# The dbt target the scenarios build on (--target); fixtures_postgres builds on PostgreSQL.
TARGET = "fixtures"
SKIP_UNIT_TESTS = False
MARTS_ONLY = False


def available_scenarios() -> list[str]:
    return sorted(path.parent.name for path in FIXTURES.glob("*/scenario.yml"))


def scenario_config(name: str) -> dict:
    return yaml.safe_load((FIXTURES / name / "scenario.yml").read_text()) or {}


def scenario_domains(name: str) -> list[str]:
    config = scenario_config(name)
    domains = config.get("domains") or []
    if not domains:
        raise SystemExit(f"fixtures/{name}/scenario.yml must list the domains it covers under 'domains:'")
    return domains


def scenario_inputs(name: str) -> Path:
    """The folder to load: the scenario's own, or a copy of it with its defect rows appended."""
    config = scenario_config(name)
    if not config.get("append_rows"):
        return FIXTURES / name
    inputs = ROOT / "target" / "fixture_inputs" / name
    shutil.rmtree(inputs, ignore_errors=True)
    shutil.copytree(FIXTURES / name, inputs, ignore=shutil.ignore_patterns("*.md", "*.yml"))
    for csv_path, rows in (config.get("append_rows") or {}).items():
        target = inputs / csv_path
        if not target.exists():
            raise SystemExit(f"fixtures/{name}/scenario.yml appends rows to {csv_path}, which the scenario lacks")
        text = target.read_text()
        target.write_text(text + ("" if text.endswith("\n") else "\n") + "".join(f"{row}\n" for row in rows))
    return inputs


def quarantine_matches(name: str) -> bool:
    """audit.quarantined_rows holds exactly the rows the scenario expects, rule by rule."""
    expected = {(row["model"], row["rule"], str(row["key"])) for row in scenario_config(name)["expected_quarantine"]}
    # Through dbt: dbt-duckdb keeps the file open in this process with its own configuration.
    # Only this build's rows: models outside the scenario keep rows of earlier builds.
    query = (
        "select model_name, rule, row_key from audit.quarantined_rows where invocation_id = "
        "(select invocation_id from audit.quarantined_rows order by quarantined_at desc limit 1)"
    )
    dbt_vars = scenario_vars(name)
    shown = runner_for(dbt_vars).invoke(["show", "--inline", query, "--limit", "-1", "--quiet", *common_args(dbt_vars)])
    if not shown.success:
        print(f"MISMATCH quarantine: audit.quarantined_rows could not be read ({shown.exception})")
        return False
    actual = {tuple(str(value) for value in row) for row in shown.result.results[0].agate_table.rows}
    for model, rule, key in sorted(expected - actual):
        print(f"MISMATCH quarantine: {model} row {key} should break rule {rule} but was not quarantined by it")
    for model, rule, key in sorted(actual - expected):
        print(f"MISMATCH quarantine: {model} row {key} was quarantined by rule {rule} unexpectedly")
    counts: dict[tuple[str, str], int] = {}
    for model, rule, _ in actual:
        counts[model, rule] = counts.get((model, rule), 0) + 1
    for (model, rule), count in sorted(counts.items()):
        print(f"quarantine: {model} {rule}: {count} row(s)")
    return expected == actual


def scenario_vars(name: str) -> dict:
    """The dbt vars a scenario builds with (e.g. which connector adapters feed which system)."""
    return scenario_config(name).get("vars") or {}


def common_args(dbt_vars: dict | None) -> list[str]:
    # Artifacts of their own (per target): make test parses the project for other checks meanwhile.
    common = ["--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles"), "--target", TARGET]
    common += ["--target-path", str(ROOT / "target" / TARGET)]
    return [*common, "--vars", json.dumps(dbt_vars)] if dbt_vars else common


# Parsing costs more than building a scenario: parse once per set of vars and hand the manifest
# to every later invocation (dbtRunner(manifest=...) skips the parse).
_parsed_manifests: dict[str, object] = {}


class QuietLog:
    """--quiet: dbt's messages go to a log file; the console gets mismatches, quarantines and errors."""

    shown = ("MISMATCH", "quarantine: ")

    def __init__(self, path: Path | None):
        self.file = path.open("w") if path else None

    def __call__(self, event) -> None:
        message = event.info.msg
        self.file.write(f"{event.info.ts.ToDatetime():%H:%M:%S} {message}\n")
        if str(message).startswith(self.shown):
            print(message, flush=True)

    def dbt_args(self) -> list[str]:
        return ["--quiet"] if self.file else []

    def callbacks(self) -> list:
        return [self] if self.file else []


LOG = QuietLog(None)


def runner_for(dbt_vars: dict | None) -> dbtRunner:
    key = json.dumps(dbt_vars or {}, sort_keys=True)
    if key not in _parsed_manifests:
        parsed = dbtRunner(callbacks=LOG.callbacks()).invoke(["parse", "--quiet", *common_args(dbt_vars)])
        if not parsed.success:
            raise SystemExit(f"dbt parse failed with vars {key}: {parsed.exception}")
        _parsed_manifests[key] = parsed.result
    return dbtRunner(manifest=_parsed_manifests[key], callbacks=LOG.callbacks())


def dbt(*args: str, dbt_vars: dict | None = None) -> bool:
    return runner_for(dbt_vars).invoke([*args, *common_args(dbt_vars), *LOG.dbt_args()]).success


def is_postgres() -> bool:
    return TARGET.endswith("postgres")


def is_spark() -> bool:
    return TARGET.endswith("spark")


def reset_spark() -> None:
    """Every scenario starts from an empty catalog: drop the databases of the previous one."""
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()  # dbt-spark's, once the first scenario started it
    if session is None:
        return
    for row in session.sql("show databases").collect():
        if row[0] != "default":
            session.sql(f"drop database `{row[0]}` cascade")


def postgres_connection(dbname: str | None = None):
    """A psycopg2 connection from the KPI101_PG_* variables, with the profile's defaults."""
    import psycopg2

    return psycopg2.connect(
        host=os.environ.get("KPI101_PG_HOST", "localhost"),
        port=int(os.environ.get("KPI101_PG_PORT", "5432")),
        user=os.environ.get("KPI101_PG_USER", "postgres"),
        password=os.environ["KPI101_PG_PASSWORD"],
        dbname=dbname or os.environ.get("KPI101_PG_DBNAME", "kpi101"),
    )


def reset_postgres() -> None:
    """Every scenario starts from an empty database, as on DuckDB from a new file."""
    connection = postgres_connection()
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(
            "select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'"
        )
        for (schema,) in cursor.fetchall():
            cursor.execute(f'drop schema "{schema}" cascade')
        cursor.execute("create schema public")
    connection.close()


def server_readable_inputs(name: str, inputs: Path) -> Path:
    """PostgreSQL reads the CSVs on the server: a world-readable copy under KPI101_PG_LOAD_DIR."""
    load_dir = os.environ.get("KPI101_PG_LOAD_DIR")
    if not load_dir:
        return inputs
    copy = Path(load_dir) / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(inputs, copy, ignore=shutil.ignore_patterns("*.md", "*.yml"))
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return copy


def expected_comparison_tests(domains: list[str], dbt_vars: dict) -> list[str]:
    """The names of the kpi_matches_expected tests on the scenario's domain marts."""
    manifest = runner_for(dbt_vars).manifest
    mart_folders = tuple(f"models/marts/{domain}/" for domain in domains)
    names = [
        node.name
        for node in manifest.nodes.values()
        if node.resource_type == "test"
        and getattr(node, "test_metadata", None) is not None
        and node.test_metadata.name == "kpi_matches_expected"
        and node.original_file_path.startswith(mart_folders)
    ]
    if len(names) < len(domains):
        raise SystemExit(f"--marts-only: {len(names)} expected-value comparison test(s) for domains {domains}")
    return names


def marts_only_selection(domains: list[str], dbt_vars: dict) -> list[str]:
    """The marts' lineage of seeds and models (path: alone would also select the tests of the
    marts' YAML files), the expected seeds, and the tests comparing marts with them."""
    selection = ["kpi_definitions", "kpi_outputs"]
    for domain in domains:
        lineage = f"+path:models/marts/{domain}"
        selection += [f"{lineage},resource_type:model", f"{lineage},resource_type:seed", f"expected_{domain}_kpis"]
    return selection + expected_comparison_tests(domains, dbt_vars)


def run_scenario(name: str) -> bool:
    domains = scenario_domains(name)
    dbt_vars = scenario_vars(name)
    if is_postgres():
        reset_postgres()
    elif is_spark():
        reset_spark()
    else:
        for stale in (DATABASE, DATABASE.with_suffix(".duckdb.wal")):
            stale.unlink(missing_ok=True)
    print(f"\n=== fixture scenario {name}: domains {', '.join(domains)} ===", flush=True)
    if is_postgres():
        root = str(server_readable_inputs(name, scenario_inputs(name)).resolve())
    elif is_spark():
        root = str(scenario_inputs(name).resolve())
    else:
        root = os.path.relpath(scenario_inputs(name), ROOT)
    if not dbt("run-operation", "load_raw_tables", "--args", json.dumps({"root": root}), dbt_vars=dbt_vars):
        return False
    if MARTS_ONLY:
        selection = marts_only_selection(domains, dbt_vars)
        # Indirect selection empty: no test runs unless selected, i.e. only the comparisons.
        tests = ["--indirect-selection", "empty", "--exclude-resource-type", "unit_test"]
    else:
        selection = ["kpi_definitions", "kpi_outputs"]
        for domain in domains:
            selection += [f"+path:models/marts/{domain}", f"expected_{domain}_kpis"]
        unit_tests = ["--exclude-resource-type", "unit_test"] if SKIP_UNIT_TESTS else []
        tests = ["--indirect-selection", "cautious", *unit_tests]
    # --full-refresh: dbt-duckdb may keep the previous scenario's file open in this process, and the
    # incremental event facts would keep its rows outside their window
    if not dbt("build", "--full-refresh", "--select", *selection, *tests, dbt_vars=dbt_vars):
        return False
    return quarantine_matches(name) if "expected_quarantine" in scenario_config(name) else True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", help="scenario names (default: all under fixtures/)")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="write dbt's output to target/fixtures.log; print only scenario results, mismatches and errors",
    )
    parser.add_argument(
        "--target",
        default="fixtures",
        choices=["fixtures", "fixtures_postgres", "fixtures_spark"],
        help="dbt target: fixtures (DuckDB, default), fixtures_postgres (KPI101_PG_* variables) or fixtures_spark",
    )
    parser.add_argument(
        "--skip-unit-tests",
        action="store_true",
        help="build and compare the marts only (make test runs the unit tests on DuckDB already)",
    )
    parser.add_argument(
        "--marts-only",
        action="store_true",
        help="build the seeds and models, then run only the comparisons with the expected seeds "
        "(no generic data tests, no unit tests): the cheap run for slow engines",
    )
    args = parser.parse_args(argv)
    global LOG, TARGET, SKIP_UNIT_TESTS, MARTS_ONLY
    TARGET = args.target
    SKIP_UNIT_TESTS = args.skip_unit_tests
    MARTS_ONLY = args.marts_only
    known = available_scenarios()
    unknown = sorted(set(args.scenarios) - set(known))
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; available: {', '.join(known)}")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ["KPI101_FIXTURE_DUCKDB_PATH"] = str(DATABASE)
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    if args.quiet:
        LOG = QuietLog(ROOT / "target" / f"{TARGET}.log")
        print(f"fixture scenarios: dbt's output goes to {LOG.file.name}", flush=True)
    failed = []
    for name in args.scenarios or known:
        started = time.monotonic()
        ok = run_scenario(name)
        print(
            f"=== scenario {name}: {'passed' if ok else 'FAILED'} in {time.monotonic() - started:.0f}s ===", flush=True
        )
        if not ok:
            failed.append(name)
    if failed:
        print(f"fixture scenarios failed: {', '.join(failed)} (see MISMATCH lines above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
