"""Build and test the KPI marts on the hand-made fixture scenarios.

Each scenario folder ``fixtures/<name>/`` holds ``scenario.yml`` (the domains it covers, and
optionally ``vars:`` passed to dbt, e.g. ``adapters: {billing: stripe}`` to read billing from
the Stripe connector layout) and ``<source>/<table>.csv`` files. For every scenario this script
loads the CSVs into a fresh DuckDB file (``target/fixtures.duckdb``) with ``load_raw_tables``,
then runs ``dbt build`` on the lineage of the scenario's domain marts on the ``fixtures``
target, where each mart is compared with its expected-values seed.

    python scripts/run_fixtures.py             # every scenario
    python scripts/run_fixtures.py marketing   # only these
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import yaml
from dbt.cli.main import dbtRunner

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DATABASE = ROOT / "target" / "fixtures.duckdb"


def available_scenarios() -> list[str]:
    return sorted(path.parent.name for path in FIXTURES.glob("*/scenario.yml"))


def scenario_domains(name: str) -> list[str]:
    config = yaml.safe_load((FIXTURES / name / "scenario.yml").read_text()) or {}
    domains = config.get("domains") or []
    if not domains:
        raise SystemExit(f"fixtures/{name}/scenario.yml must list the domains it covers under 'domains:'")
    return domains


def scenario_vars(name: str) -> dict:
    """The dbt vars a scenario builds with (e.g. which connector adapters feed which system)."""
    config = yaml.safe_load((FIXTURES / name / "scenario.yml").read_text()) or {}
    return config.get("vars") or {}


def dbt(runner: dbtRunner, *args: str, dbt_vars: dict | None = None) -> bool:
    common = ["--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles"), "--target", "fixtures"]
    if dbt_vars:
        common += ["--vars", json.dumps(dbt_vars)]
    result = runner.invoke([*args, *common])
    return result.success


def run_scenario(runner: dbtRunner, name: str) -> bool:
    domains = scenario_domains(name)
    dbt_vars = scenario_vars(name)
    for stale in (DATABASE, DATABASE.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    print(f"\n=== fixture scenario {name}: domains {', '.join(domains)} ===", flush=True)
    root = os.path.relpath(FIXTURES / name, ROOT)
    if not dbt(runner, "run-operation", "load_raw_tables", "--args", json.dumps({"root": root}), dbt_vars=dbt_vars):
        return False
    selection = ["kpi_definitions", "kpi_outputs"]
    for domain in domains:
        selection += [f"+{domain}_kpis", f"expected_{domain}_kpis"]
    return dbt(runner, "build", "--select", *selection, "--indirect-selection", "cautious", dbt_vars=dbt_vars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", help="scenario names (default: all under fixtures/)")
    args = parser.parse_args(argv)
    known = available_scenarios()
    unknown = sorted(set(args.scenarios) - set(known))
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; available: {', '.join(known)}")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ["KPI101_FIXTURE_DUCKDB_PATH"] = str(DATABASE)
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    runner = dbtRunner()
    failed = []
    for name in args.scenarios or known:
        started = time.monotonic()
        ok = run_scenario(runner, name)
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
