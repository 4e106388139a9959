"""Build kpi101 into a new database file and publish it only when everything passed.

    python scripts/publish.py --data data/demo                 # what `make run` does
    python scripts/publish.py --data fixtures/support -- --select +support_kpis

The published file (KPI101_DUCKDB_PATH, default kpi101.duckdb) is never written to. Each run
loads the raw CSVs (load_raw_tables) and runs `dbt build` into
``<work dir>/building/<same file name>``; only when the load and every model and test passed is
that file checkpointed and moved over the published one with os.replace (atomic on one
filesystem). The file name, and so DuckDB's catalog name that the views are bound to, stays the
same. A reader holding the old file open keeps reading the old data until it reconnects; a
failed or killed run leaves the published file byte-identical and its own file in the work
dir (failed-<run id>/, or interrupted-<run id>/ for a killed one) for inspection. A published
build's dbt artifacts (manifest.json, run_results.json, ...) are copied to target/.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def dbt_command() -> list[str]:
    executable = Path(sys.executable).parent / "dbt"
    return [str(executable)] if executable.exists() else [sys.executable, "-m", "dbt.cli.main"]


def run_dbt(database: Path, work_dir: Path, args: list[str]) -> bool:
    env = dict(os.environ, KPI101_DUCKDB_PATH=str(database), KPI101_TARGET="dev", DO_NOT_TRACK="1")
    # Its own target folder and a stable database path keep dbt's partial parsing valid across runs.
    paths = ["--target-path", str(work_dir / "dbt-target"), "--log-path", str(work_dir / "dbt-logs")]
    command = [*dbt_command(), *args, "--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles"), *paths]
    print("+ dbt " + " ".join(args), flush=True)
    return subprocess.run(command, env=env, cwd=ROOT).returncode == 0


def work_dir_for(published: Path, requested: Path | None) -> Path:
    """A folder on the published file's filesystem, so that os.replace is one atomic rename."""
    work_dir = requested or ROOT / "target" / "publish"
    work_dir.mkdir(parents=True, exist_ok=True)
    if work_dir.stat().st_dev != published.parent.stat().st_dev:
        work_dir = published.parent / ".kpi101-publish"
        work_dir.mkdir(exist_ok=True)
    return work_dir


def checkpoint(database: Path) -> None:
    """Fold any write-ahead log into the file itself: only the .duckdb file is moved."""
    import duckdb

    with duckdb.connect(str(database)) as connection:
        connection.execute("checkpoint")
    wal = database.with_name(database.name + ".wal")
    if wal.exists():
        raise SystemExit(f"{wal} is still there after a checkpoint; not publishing")


# The published build's dbt artifacts, where dbt docs, slim CI (--state) and other tools look.
ARTIFACTS = ("manifest.json", "run_results.json", "semantic_manifest.json", "catalog.json")


def copy_artifacts(work_dir: Path, artifacts_dir: Path) -> None:
    artifacts_dir.mkdir(parents=True, exist_ok=True)
    for name in ARTIFACTS:
        built = work_dir / "dbt-target" / name
        if built.exists():
            shutil.copy2(built, artifacts_dir / name)


def publish(data: Path, published: Path, work_dir: Path | None, build_args: list[str], artifacts_dir: Path) -> int:
    published = published.resolve()
    published.parent.mkdir(parents=True, exist_ok=True)
    work_dir = work_dir_for(published, work_dir)
    with (work_dir / "publish.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SystemExit(f"publish: another publish is running in {work_dir}") from None
        status = publish_locked(data, published, work_dir, build_args)
        if status == 0:
            copy_artifacts(work_dir, artifacts_dir)
        return status


def publish_locked(data: Path, published: Path, work_dir: Path, build_args: list[str]) -> int:
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}"
    building = work_dir / "building"
    if building.exists():
        interrupted = building.rename(work_dir / f"interrupted-{run_id}")
        print(f"publish: an earlier run was interrupted; its files are kept in {interrupted}")
    building.mkdir()
    candidate = building / published.name
    started = time.monotonic()

    def failed(step: str) -> int:
        kept = building.rename(work_dir / f"failed-{run_id}") / published.name
        print(
            f"\npublish: {step} failed; the published database {published} is unchanged.\n"
            f"publish: the failed build is kept for inspection in {kept}",
            file=sys.stderr,
        )
        return 1

    load_args = ["run-operation", "load_raw_tables", "--args", f"{{root: {data_literal(data)}}}"]
    if not run_dbt(candidate, work_dir, load_args):
        return failed("loading the raw data")
    if not run_dbt(candidate, work_dir, ["build", *build_args]):
        return failed("dbt build")
    checkpoint(candidate)
    stale_wal = published.with_name(published.name + ".wal")
    if stale_wal.exists():
        print(f"publish: removing {stale_wal}, left by a writer of the old file (published files are read-only)")
        stale_wal.unlink()
    os.replace(candidate, published)
    shutil.rmtree(building, ignore_errors=True)
    seconds = time.monotonic() - started
    print(f"\npublish: {published} replaced by the new build ({seconds:.0f}s); readers see it when they reconnect")
    return 0


def data_literal(data: Path) -> str:
    """The folder as a YAML/JSON string for --args: json.dumps escapes every quote."""
    return json.dumps(str(data))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("data/demo"), help="folder of raw CSVs (default data/demo)")
    parser.add_argument(
        "--database",
        type=Path,
        default=Path(os.environ.get("KPI101_DUCKDB_PATH") or "kpi101.duckdb"),
        help="the published file (default: KPI101_DUCKDB_PATH or kpi101.duckdb)",
    )
    parser.add_argument("--work-dir", type=Path, help="where runs build (default target/publish)")
    parser.add_argument(
        "--artifacts-dir",
        type=Path,
        default=ROOT / "target",
        help="where the published build's manifest.json and run_results.json are copied (default target)",
    )
    parser.add_argument("build_args", nargs="*", help="extra `dbt build` arguments, after --")
    args = parser.parse_args(argv)
    return publish(args.data.resolve(), args.database, args.work_dir, args.build_args, args.artifacts_dir)


if __name__ == "__main__":
    sys.exit(main())
