"""Generate the kpi101 demo company's raw source tables as CSV files.

    python scripts/generate_demo_data.py                       # the demo: scale 1, 24 months
    python scripts/generate_demo_data.py --scale 10 --out data/scale10

Rows grow linearly with --scale (1 is a small company; 10 and 100 are for benchmarks); the
same --seed and --scale always give identical files, whatever --jobs: each source system draws
from random streams of its own, so the source systems are generated in parallel processes. The files land in
<out>/<source>/<table>.csv, which `dbt run-operation load_raw_tables --args '{root: <out>}'`
loads into the schemas the sources read.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import gc
import importlib
import json
import multiprocessing
import os
import pkgutil
import queue
import shutil
import sys
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kpi101_demo
import numpy as np
from kpi101_demo.core import Company
from kpi101_demo.writer import TableWriter
from tqdm import tqdm

MANIFEST = "_manifest.json"
# Source systems that read the same drawn history (billing.build, accounting.build and
# ads.performance, each cached in the process that draws it) run one after another in one
# task, so a pool draws that history once instead of once per process.
SHARED_HISTORY = ("billing", "accounting", "ads", "ledger", "bank")
# Relative generation time of the slowest tasks (a task is named after its first source
# system), so that a pool starts with them and no big one is left for the end; the others
# follow in name order.
SLOWEST_FIRST = ["helpdesk", "billing", "shop", "web", "helpcenter", "app", "product", "surveys", "crm"]


def source_modules() -> list:
    """Every module of kpi101_demo that writes a source system, in a stable order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(kpi101_demo.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kpi101_demo.{info.name}")
        if hasattr(module, "SOURCE") and hasattr(module, "generate"):
            modules.append(module)
    return modules


def schedule(modules: list) -> list[list]:
    """The modules grouped into tasks (SHARED_HISTORY together, the others alone), in the
    order a pool should start them: the slowest first."""
    by_source = {module.SOURCE: module for module in modules}
    shared = [by_source[source] for source in SHARED_HISTORY if source in by_source]
    tasks = [[module] for module in modules if module.SOURCE not in SHARED_HISTORY]
    if shared:
        tasks.append(shared)
    rank = {name: index for index, name in enumerate(SLOWEST_FIRST)}
    return sorted(tasks, key=lambda task: (rank.get(task[0].SOURCE, len(rank)), task[0].__name__))


def positive_scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scale must be a number, got {text!r}") from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"--scale must be greater than 0 and at most 1000, got {text}")
    return value


def month_start(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--start must be a date like 2023-01-01, got {text!r}") from None
    if day.day != 1:
        raise argparse.ArgumentTypeError(f"--start must be the first day of a month, got {text}")
    return day


def month_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 120:
        raise argparse.ArgumentTypeError(f"--months must be a whole number from 1 to 120, got {text!r}")
    return int(text)


def job_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number from 1 to 64, got {text!r}")
    return int(text)


_M_MMAP_MAX, _GLIBC_DEFAULT_MMAP_MAX = -4, 65_536


def _mallopt():
    """glibc's mallopt, or None on a system without glibc (which keeps its allocator's defaults)."""
    try:
        return ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (AttributeError, OSError, TypeError):
        return None


def reuse_freed_memory() -> None:
    """Lets glibc's malloc keep freed memory for the next columns (workers inherit this).

    The modules allocate and free numpy columns of megabytes over and over; by default glibc
    maps each anew and unmaps it when freed, and the kernel zeroes every fresh page. The heap
    is now never trimmed, and columns_from_heap turns mmap off for the tasks of numpy columns.
    numpy no longer asks for transparent huge pages for its arrays: each fault on one zeroes
    (and may first compact) 2 MB. Both together took the help center at scale 100 from 18.1 to
    10.8 CPU seconds, 8.5 to 1.6 of them in the kernel.
    """
    multiarray = getattr(getattr(np, "_core", None), "multiarray", None)
    set_huge_pages = getattr(multiarray, "_set_madvise_hugepage", None)  # numpy's own switch (2.x, Linux)
    if set_huge_pages is not None:
        set_huge_pages(False)
    mallopt = _mallopt()
    if mallopt is not None:
        trim_threshold, top_pad = -1, -2  # M_TRIM_THRESHOLD, M_TOP_PAD
        mallopt(trim_threshold, 2**31 - 1)  # an int: the largest it takes
        mallopt(top_pad, 256 << 20)


def columns_from_heap(task: list) -> None:
    """mmap off for a task of numpy columns: every column, also those above 32 MB (glibc's largest
    mmap threshold; at scale 100 most big ones), comes from the heap and reuses freed memory as
    it is. On for the task of row-by-row histories (SHARED_HISTORY), whose long lists grow by
    realloc: mremap grows a mapped block in place, the heap copies it (that task took 3.5 CPU
    seconds more at scale 100 with mmap off)."""
    mallopt = _mallopt()
    if mallopt is not None:
        mallopt(_M_MMAP_MAX, _GLIBC_DEFAULT_MMAP_MAX if task[0].SOURCE in SHARED_HISTORY else 0)


def default_jobs() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


# State of a worker process, set by _start_worker (inherited from the parent when forked).
_worker: dict = {}


def _start_worker(company: Company, out_dir: Path, progress: multiprocessing.Queue) -> None:
    _worker.update(company=company, out_dir=out_dir, progress=progress)


def _generate_in_worker(module_names: list[str]) -> dict[str, int]:
    """Writes the tables of one task's source systems, in order; returns their row counts."""
    progress = _worker["progress"]
    writer = TableWriter(_worker["out_dir"], report=lambda rows, table: progress.put((rows, table)))
    modules = [importlib.import_module(module_name) for module_name in module_names]
    columns_from_heap(modules)
    try:
        for module in modules:
            module.generate(_worker["company"], writer)
    finally:
        writer.close()
    return writer.row_counts


def generate_all(company: Company, out_dir: Path, jobs: int, bar: tqdm) -> dict[str, int]:
    """Runs every source module, in this process or in a pool of ``jobs`` processes.

    The files do not depend on ``jobs`` or on the order tasks finish: a module only reads the
    shared entities (drawn here, before any worker starts), random streams named after it and
    the histories of SHARED_HISTORY, which are drawn from fresh streams of their own.
    """
    tasks = schedule(source_modules())
    # Draw the shared entities once, so forked workers inherit them instead of redrawing.
    company.users, company.customers, company.employees  # noqa: B018
    row_counts: dict[str, int] = {}

    finished, systems = 0, sum(len(task) for task in tasks)
    bar.set_postfix_str(f"0/{systems} source systems done")

    def merge(counts: dict[str, int], task: list) -> None:
        nonlocal finished
        for key, count in counts.items():
            if key in row_counts:
                raise ValueError(f"table {key} was already written by another generator module")
            row_counts[key] = count
        finished += len(task)
        bar.set_postfix_str(f"{finished}/{systems} source systems done")

    if jobs == 1:
        for task in tasks:
            writer = TableWriter(out_dir, report=lambda rows, table: (bar.set_description(table), bar.update(rows)))
            columns_from_heap(task)
            try:
                for module in task:
                    module.generate(company, writer)
            finally:
                writer.close()
            merge(writer.row_counts, task)
        return row_counts

    context = multiprocessing.get_context("fork")
    progress = context.Queue()
    workers = min(jobs, len(tasks))
    with ProcessPoolExecutor(
        workers, context, initializer=_start_worker, initargs=(company, out_dir, progress)
    ) as pool:
        task_of = {pool.submit(_generate_in_worker, [module.__name__ for module in task]): task for task in tasks}
        pending = set(task_of)
        try:
            while pending:
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    merge(future.result(), task_of[future])  # re-raises a worker's error (or its death) here
                while True:
                    try:
                        rows, table = progress.get_nowait()
                    except queue.Empty:
                        break
                    bar.set_description(table)
                    bar.update(rows)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # fail now, not after the queued modules
            raise
    bar.update(sum(row_counts.values()) - bar.n)  # the last reports may still be in the queue
    return row_counts


def prepare_output(out_dir: Path) -> None:
    """Start from an empty folder, but never delete a folder this script did not write."""
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / MANIFEST).exists():
            raise SystemExit(f"error: {out_dir} is not empty and holds no {MANIFEST}; choose another --out")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=positive_scale, default=1.0, help="size factor, rows grow linearly (default 1)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", type=Path, default=Path("data/demo"), help="output folder (default data/demo)")
    parser.add_argument(
        "--start", type=month_start, default=dt.date(2023, 1, 1), help="first month (default 2023-01-01)"
    )
    parser.add_argument("--months", type=month_count, default=24, help="number of months (default 24)")
    parser.add_argument(
        "--jobs",
        type=job_count,
        default=default_jobs(),
        help="processes generating source systems in parallel; the files do not depend on it "
        "(default: the CPU count, at most 4)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on a terminal, or from scale 10 up)",
    )
    args = parser.parse_args(argv)

    tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
    show_progress = args.progress if args.progress is not None else (sys.stderr.isatty() or args.scale >= 10)
    company = Company(seed=args.seed, scale=args.scale, start=args.start, months=args.months)
    prepare_output(args.out)
    started = time.monotonic()
    # No cyclic garbage collection while generating (workers inherit this): the entities, the
    # cached shared histories and the rows are millions of objects without reference cycles,
    # freed by reference counting, and every full collection rescanned all those alive, more
    # often the more there were: at scale 30 a tenth of the shared task's and the shop's CPU time.
    collecting = gc.isenabled()
    gc.disable()
    reuse_freed_memory()
    try:
        with tqdm(unit=" rows", disable=not show_progress, desc="generating", dynamic_ncols=True) as bar:
            row_counts = generate_all(company, args.out, args.jobs, bar)
    finally:
        if collecting:
            gc.enable()
    manifest = {
        "seed": args.seed,
        "scale": args.scale,
        "start": args.start.isoformat(),
        "months": args.months,
        "tables": dict(sorted(row_counts.items())),
    }
    (args.out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    total = sum(row_counts.values())
    print(
        f"wrote {total:,} rows in {len(row_counts)} tables to {args.out} "
        f"(scale {args.scale:g}, seed {args.seed}, jobs {args.jobs}) in {time.monotonic() - started:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
