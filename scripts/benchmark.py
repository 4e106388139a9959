"""Time the whole pipeline at a given scale: generate, load, build; list the slowest models.

    python scripts/benchmark.py --scale 10
    python scripts/benchmark.py --scale 100 --threads 2

Works in its own folder (default target/benchmark/scale_<n>) with its own DuckDB file, so it
never touches kpi101.duckdb. Prints one line per phase and the ten slowest dbt nodes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(label: str, command: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        print(result.stdout[-5000:], result.stderr[-5000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"{label} failed after {seconds:.1f}s")
    print(f"{label:<10} {seconds:8.1f}s", flush=True)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=10.0, help="generator scale factor (default 10)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2, help="dbt threads")
    parser.add_argument("--workdir", type=Path, help="folder for data, database and dbt artifacts")
    parser.add_argument("--skip-tests", action="store_true", help="dbt run instead of dbt build")
    args = parser.parse_args()

    workdir = (args.workdir or ROOT / "target" / "benchmark" / f"scale_{args.scale:g}").resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "kpi101.duckdb"
    database.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DO_NOT_TRACK": "1",
        "KPI101_TARGET": "dev",
        "KPI101_DUCKDB_PATH": str(database),
        "KPI101_THREADS": str(args.threads),
    }
    dbt_flags = ["--profiles-dir", "profiles", "--target-path", str(workdir / "target")]
    dbt_flags += ["--log-path", str(workdir / "logs")]
    data = workdir / "data"
    total = timed(
        "generate",
        [sys.executable, "scripts/generate_demo_data.py", "--scale", f"{args.scale:g}", "--out", str(data)],
        env,
    )
    total += timed(
        "load",
        [str(BIN / "dbt"), "run-operation", "load_raw_tables", "--args", json.dumps({"root": str(data)}), *dbt_flags],
        env,
    )
    total += timed("build", [str(BIN / "dbt"), "run" if args.skip_tests else "build", *dbt_flags], env)

    manifest = json.loads((data / "_manifest.json").read_text())
    rows = sum(manifest["tables"].values())
    print(f"{'total':<10} {total:8.1f}s for {rows:,} raw rows (scale {args.scale:g}, {args.threads} threads)")
    results = json.loads((workdir / "target" / "run_results.json").read_text())["results"]
    slowest = sorted(results, key=lambda r: r["execution_time"], reverse=True)[:10]
    print("slowest nodes:")
    for result in slowest:
        print(f"  {result['execution_time']:7.2f}s  {result['unique_id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
