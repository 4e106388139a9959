"""Time the whole pipeline at one or more scales and compare dbt with the DuckDB floor.

    python scripts/benchmark.py --scale 10
    python scripts/benchmark.py --scale 1 10 100 --markdown   # the README table

For each scale, in its own folder (default target/benchmark/scale_<n>, its own DuckDB file, so
kpi101.duckdb is never touched): generate the demo data, load it, load the seeds, then
`dbt run` and `dbt build` (models and data tests, as `make run`; unit tests belong to `make
test`). The floor is DuckDB alone executing the SQL that `dbt run` executed (its
run_results.json), model by model in dependency order in one connection, on a copy of the
database taken before dbt ran: what the models cost without dbt around them. Printed per scale:
seconds and peak memory of each phase, dbt's overhead above the floor (`dbt run` - floor), the
ratios to the floor, and the ten slowest dbt nodes. Peak memory is the maximum resident size
reported by /usr/bin/time (GNU time) when it is installed.
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
BIN = Path(sys.executable).parent
GNU_TIME = Path("/usr/bin/time")


@dataclass
class Phase:
    seconds: float
    peak_mib: float | None


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
    return Phase(seconds, peak)


def execute_floor(database: Path, run_results: Path, manifest: Path) -> int:
    """Create every model `dbt run` created, from the SQL it executed, in one DuckDB connection."""
    import duckdb

    nodes = json.loads(manifest.read_text())["nodes"]
    results = json.loads(run_results.read_text())["results"]
    # run_results lists nodes in completion order: a model completes after all its parents.
    models = [r for r in results if r["unique_id"].startswith("model.") and r["status"] == "success"]
    with duckdb.connect(str(database)) as con:
        for result in models:
            relation = result["relation_name"]
            schema = re.match(r'^("[^"]+"\."[^"]+")\.', relation)
            if schema:
                con.execute(f"create schema if not exists {schema.group(1)}")
            kind = "view" if nodes[result["unique_id"]]["config"]["materialized"] == "view" else "table"
            con.execute(f"create or replace {kind} {relation} as (\n{result['compiled_code']}\n)")
    print(f"floor: executed {len(models)} models", file=sys.stderr)
    return 0


def benchmark_scale(scale: float, threads: int, workdir: Path | None) -> dict[str, Phase | int | list]:
    workdir = (workdir or ROOT / "target" / "benchmark" / f"scale_{scale:g}").resolve()
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    database = workdir / "kpi101.duckdb"
    floor_database = workdir / "floor" / "kpi101.duckdb"  # same file stem: the SQL names the catalog
    env = {
        **os.environ,
        "DO_NOT_TRACK": "1",
        "KPI101_TARGET": "dev",
        "KPI101_DUCKDB_PATH": str(database),
        "KPI101_THREADS": str(threads),
    }
    dbt = [str(BIN / "dbt")]
    flags = [
        "--profiles-dir",
        "profiles",
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
    ]
    data = workdir / "data"
    print(f"scale {scale:g} ({threads} dbt threads), in {workdir}", flush=True)
    phases: dict[str, Phase | int | list] = {}
    generate = [sys.executable, "scripts/generate_demo_data.py", "--scale", f"{scale:g}", "--out", str(data)]
    phases["generate"] = measured("generate", generate, env)
    load_args = json.dumps({"root": str(data)})
    phases["load"] = measured("load", [*dbt, "run-operation", "load_raw_tables", "--args", load_args, *flags], env)
    phases["seed"] = measured("seed", [*dbt, "seed", *flags], env)
    floor_database.parent.mkdir()
    shutil.copyfile(database, floor_database)
    phases["dbt run"] = measured("dbt run", [*dbt, "run", *flags], env)
    run_results = workdir / "run_results.run.json"
    shutil.copyfile(workdir / "target" / "run_results.json", run_results)
    # --full-refresh: after `dbt run`, the incremental event facts would otherwise re-derive only their window
    build = [*dbt, "build", "--full-refresh", "--exclude-resource-type", "unit_test", "--exclude-resource-type", "seed"]
    build += flags
    phases["dbt build"] = measured("dbt build", build, env)
    floor = [sys.executable, __file__, "--execute-floor", str(floor_database), str(run_results)]
    phases["floor"] = measured("floor", [*floor, str(workdir / "target" / "manifest.json")], env)

    manifest = json.loads((data / "_manifest.json").read_text())
    phases["raw_rows"] = sum(manifest["tables"].values())
    build_results = json.loads((workdir / "target" / "run_results.json").read_text())["results"]
    phases["slowest"] = sorted(build_results, key=lambda r: r["execution_time"], reverse=True)[:10]
    run, build, floor_seconds = (phases[name].seconds for name in ("dbt run", "dbt build", "floor"))
    print(
        f"  raw rows {phases['raw_rows']:,}; dbt overhead (dbt run - floor) {run - floor_seconds:.1f} s;"
        f" dbt run / floor {run / floor_seconds:.1f}x; dbt build / floor {build / floor_seconds:.1f}x;"
        f" dbt build / dbt run {build / run:.1f}x"
    )
    print("  slowest dbt build nodes:")
    for result in phases["slowest"]:
        print(f"    {result['execution_time']:7.2f} s  {result['unique_id']}")
    return phases


def markdown_table(by_scale: dict[float, dict]) -> str:
    columns = ["scale", "raw rows", "generate", "load", "dbt run", "dbt build", "floor", "dbt run - floor"]
    columns += ["run / floor", "build / floor", "peak memory"]
    lines = ["| " + " | ".join(columns) + " |", "|" + " ---: |" * len(columns)]
    for scale, phases in by_scale.items():
        timed = [phases[name] for name in ("generate", "load", "dbt run", "dbt build", "floor")]
        peaks = [p.peak_mib for p in (*timed, phases["seed"]) if p.peak_mib is not None]
        run, build, floor = phases["dbt run"].seconds, phases["dbt build"].seconds, phases["floor"].seconds
        cells = [
            f"{scale:g}",
            f"{phases['raw_rows']:,}",
            *(f"{p.seconds:.1f} s" for p in timed),
            f"{run - floor:.1f} s",
            f"{run / floor:.1f}x",
            f"{build / floor:.1f}x",
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
        "--execute-floor", nargs=3, metavar=("DATABASE", "RUN_RESULTS", "MANIFEST"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.execute_floor:
        return execute_floor(*(Path(p) for p in args.execute_floor))
    if args.workdir and len(args.scale) > 1:
        parser.error("--workdir takes one scale")
    by_scale = {scale: benchmark_scale(scale, args.threads, args.workdir) for scale in args.scale}
    if args.markdown:
        print()
        print(markdown_table(by_scale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
