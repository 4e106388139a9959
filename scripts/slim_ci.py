"""Slim CI: select what a change touches and build it with its tests on the fixture scenarios.

The pull-request workflow compares the checked-out project with the manifest of the last green
run on main (``--state``): dbt's ``state:modified+`` selects the changed models, seeds and tests
and everything downstream. The same command runs locally against a saved manifest:

    dbt parse --target fixtures --target-path target/main-state     # on main, once
    python scripts/slim_ci.py select --state target/main-state      # what the change selects
    python scripts/slim_ci.py build --state target/main-state       # build + test it on the fixtures

``build`` runs, for every fixture scenario whose domains the selection reaches: load the
scenario's CSVs, build the unselected parents of the selected models without their tests
(a fresh fixture database holds nothing to defer to), then ``dbt build`` the selection with
its tests (data tests, unit tests, the equality with the expected seeds), deferring any other
reference to main's manifest.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from dbt.cli.main import dbtRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_fixtures

ROOT = run_fixtures.ROOT
BUILDABLE = ("model", "seed")
SELECTABLE = ("model", "seed", "test", "unit_test")


def dbt_args(project_dir: Path, target_path: Path) -> list[str]:
    return [
        "--project-dir",
        str(project_dir),
        "--profiles-dir",
        str(project_dir / "profiles"),
        "--target",
        "fixtures",
        "--target-path",
        str(target_path),
    ]


def select_modified(project_dir: Path, state: Path, target_path: Path, runner: dbtRunner | None = None) -> set[str]:
    """unique_ids of ``state:modified+`` (models, seeds, data and unit tests) against ``state``."""
    if not (state / "manifest.json").is_file():
        raise SystemExit(f"no manifest.json in {state}: parse main with `dbt parse --target-path {state}` first")
    runner = runner or dbtRunner()
    result = runner.invoke(
        [
            "ls",
            "--select",
            "state:modified+",
            "--state",
            str(state),
            *[arg for kind in SELECTABLE for arg in ("--resource-type", kind)],
            "--output",
            "json",
            "--output-keys",
            "unique_id",
            "--quiet",
            *dbt_args(project_dir, target_path),
        ]
    )
    if not result.success:
        raise SystemExit(f"dbt ls --select state:modified+ failed: {result.exception}")
    return {json.loads(line)["unique_id"] for line in result.result}


class Graph:
    """Parents and children of every node of a manifest, unit tests attached to their model."""

    def __init__(self, manifest: dict):
        self.nodes = {**manifest["nodes"], **manifest.get("unit_tests", {})}
        self.parents = {uid: set(parents) for uid, parents in manifest["parent_map"].items()}
        for uid, unit_test in manifest.get("unit_tests", {}).items():
            self.parents[uid] = set(unit_test["depends_on"]["nodes"])

    def ancestors(self, start: set[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen and parent in self.nodes:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def kind(self, uid: str) -> str:
        return uid.split(".", 1)[0]

    def name(self, uid: str) -> str:
        return self.nodes[uid]["name"]


def scenario_plan(graph: Graph, selected: set[str], domains: list[str]) -> tuple[list[str], list[str]]:
    """(parents to build without tests, selection to build with tests) within one scenario's lineage."""
    roots = {
        uid
        for uid, node in graph.nodes.items()
        if node["name"] in {"kpi_definitions", "kpi_outputs"}
        or node["name"] in {f"{d}_kpis" for d in domains} | {f"expected_{d}_kpis" for d in domains}
    }
    lineage = roots | graph.ancestors(roots)
    chosen = {uid for uid in selected if graph.kind(uid) in BUILDABLE and uid in lineage}
    chosen |= {
        uid
        for uid in selected | {u for u in graph.nodes if graph.kind(u) == "unit_test"}
        if graph.kind(uid) in ("test", "unit_test")
        and graph.parents.get(uid)
        and {p for p in graph.parents[uid] if graph.kind(p) == "model"} <= chosen
        and graph.parents[uid] & chosen
        and graph.parents[uid] <= lineage
    }
    parents = {uid for uid in graph.ancestors(chosen) if graph.kind(uid) in BUILDABLE} - chosen
    return sorted(graph.name(u) for u in parents), sorted(graph.name(u) for u in chosen)


def build(state: Path, scenarios: list[str]) -> int:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ["KPI101_FIXTURE_DUCKDB_PATH"] = str(run_fixtures.DATABASE)
    run_fixtures.DATABASE.parent.mkdir(parents=True, exist_ok=True)
    target_path = ROOT / "target"
    runner = dbtRunner()
    selected = select_modified(ROOT, state, target_path, runner)
    graph = Graph(json.loads((target_path / "manifest.json").read_text()))
    print(f"state:modified+ selects {len(selected)} nodes", flush=True)
    failed = []
    for name in scenarios or run_fixtures.available_scenarios():
        parents, chosen = scenario_plan(graph, selected, run_fixtures.scenario_domains(name))
        if not chosen:
            print(f"=== scenario {name}: nothing selected, skipped ===", flush=True)
            continue
        print(f"\n=== scenario {name}: {len(chosen)} selected, {len(parents)} parents ===", flush=True)
        for stale in (run_fixtures.DATABASE, run_fixtures.DATABASE.with_suffix(".duckdb.wal")):
            stale.unlink(missing_ok=True)
        load = json.dumps({"root": os.path.relpath(run_fixtures.scenario_inputs(name), ROOT)})
        dbt_vars = run_fixtures.scenario_vars(name)
        ok = run_fixtures.dbt("run-operation", "load_raw_tables", "--args", load, dbt_vars=dbt_vars)
        # --full-refresh, as in run_fixtures: no incremental fact keeps the previous scenario's rows
        if ok and parents:
            ok = run_fixtures.dbt(
                "build",
                "--full-refresh",
                "--select",
                *parents,
                "--resource-type",
                "model",
                "--resource-type",
                "seed",
                dbt_vars=dbt_vars,
            )
        if ok:
            ok = run_fixtures.dbt(
                "build",
                "--full-refresh",
                "--select",
                *chosen,
                "--indirect-selection",
                "empty",
                "--defer",
                "--state",
                str(state),
                dbt_vars=dbt_vars,
            )
        print(f"=== scenario {name}: {'passed' if ok else 'FAILED'} ===", flush=True)
        if not ok:
            failed.append(name)
    if failed:
        print(f"slim CI failed on scenarios: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["select", "build"])
    parser.add_argument("--state", type=Path, required=True, help="folder holding main's manifest.json")
    parser.add_argument("scenarios", nargs="*", help="fixture scenarios for build (default: all)")
    args = parser.parse_intermixed_args(argv)
    state = args.state.resolve()
    if args.command == "select":
        os.environ.setdefault("DO_NOT_TRACK", "1")
        for uid in sorted(select_modified(ROOT, state, ROOT / "target")):
            print(uid)
        return 0
    return build(state, args.scenarios)


if __name__ == "__main__":
    sys.exit(main())
