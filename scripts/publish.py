"""Build kpi101 into a new database file and publish it only when everything passed.

    python scripts/publish.py --data data/demo                 # what `make run` does
    python scripts/publish.py --data fixtures/support -- --select +support_kpis

The published file (KPI101_DUCKDB_PATH, default kpi101.duckdb) is never written to. Each run
loads the raw CSVs (load_raw_tables) and runs `dbt build` into ``<work dir>/building/<same file
name>``, both in one child process that parses the project once; only when the load and every
model and test passed is that file checkpointed and moved over the published one with os.replace
(atomic on one filesystem). The file name, and so DuckDB's catalog name that the views are bound
to, stays the same. A reader holding the old file open keeps reading the old data until it
reconnects; a failed or killed run leaves the published file byte-identical and its own file in
the work dir (failed-<run id>/, or interrupted-<run id>/ for a killed one) for inspection. A
published build's dbt artifacts (manifest.json, run_results.json, ...) are copied to target/.
dbt runs one thread per CPU unless KPI101_THREADS is set.
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


# Flags of `dbt build` that change what the project parses to: the parse and the load get them too.
PARSE_FLAGS = ("--vars", "--target", "--profile")


def split_parse_flags(build_args: list[str]) -> tuple[list[str], list[str]]:
    """(flags that change the parse, the other build arguments); `--flag value` or `--flag=value`."""
    parse_flags: list[str] = []
    others: list[str] = []
    arguments = iter(build_args)
    for argument in arguments:
        name = argument.split("=", 1)[0]
        if name not in PARSE_FLAGS:
            others.append(argument)
        elif "=" in argument:
            parse_flags.append(argument)
        else:
            parse_flags += [argument, next(arguments, "")]
    return parse_flags, others


STEP_FAILED = 10  # the child's exit status is STEP_FAILED + the index of the command that failed


def run_dbt_steps(
    database: Path, work_dir: Path, steps: list[tuple[str, list[str]]], parse_flags: list[str]
) -> str | None:
    """Runs the dbt steps (label, arguments) one after another in one child process, where one
    import of dbt and one parse serve them all (each `dbt` command would pay for both again).
    Returns the label of the step that failed, or None."""
    env = dict(os.environ, KPI101_DUCKDB_PATH=str(database), KPI101_TARGET="dev", DO_NOT_TRACK="1")
    # dbt's node work is Python holding the GIL: threads beyond the cores only contend for it
    # (make run at scale 1 on 2 cores: 46 s with 2 threads, 54 s with 4; medians of 5).
    env.setdefault("KPI101_THREADS", str(os.cpu_count() or 4))
    # Its own target folder and a stable database path keep dbt's partial parsing valid across runs.
    paths = ["--target-path", str(work_dir / "dbt-target"), "--log-path", str(work_dir / "dbt-logs")]
    common = ["--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles"), *paths, *parse_flags]
    # The parse's manifest is handed to the steps in memory; the last step writes the artifacts.
    commands = [["parse", "--no-write-json", *common]] + [[*arguments, *common] for _, arguments in steps]
    child = [sys.executable, __file__, "--dbt-steps", json.dumps(commands)]
    status = subprocess.run(child, env=env, cwd=ROOT).returncode
    if status == 0:
        return None
    labels = ["parsing the project"] + [label for label, _ in steps]
    return labels[status - STEP_FAILED] if STEP_FAILED <= status < STEP_FAILED + len(labels) else "running dbt"


def dbt_steps(commands: list[list[str]]) -> int:
    """In the child: the first command is `parse`; its manifest serves the others."""
    from dbt.cli.main import dbtRunner

    runner = dbtRunner()
    for index, command in enumerate(commands):
        print("+ dbt " + " ".join(command[: command.index("--project-dir")]), flush=True)
        result = runner.invoke(command)
        if not result.success:
            return STEP_FAILED + index
        if index == 0:
            runner = dbtRunner(manifest=result.result)
    return 0


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
    parse_flags, other_build_args = split_parse_flags(build_args)
    steps = [("loading the raw data", load_args), ("dbt build", ["build", *other_build_args])]
    failed_step = run_dbt_steps(candidate, work_dir, steps, parse_flags)
    if failed_step:
        return failed(failed_step)
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
    parser.add_argument("--dbt-steps", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dbt_steps:
        return dbt_steps(json.loads(args.dbt_steps))
    return publish(args.data.resolve(), args.database, args.work_dir, args.build_args, args.artifacts_dir)


if __name__ == "__main__":
    sys.exit(main())
