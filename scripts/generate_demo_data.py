"""Generate the kpi101 demo company's raw source tables as CSV files.

    python scripts/generate_demo_data.py                       # the demo: scale 1, 24 months
    python scripts/generate_demo_data.py --scale 10 --out data/scale10

Rows grow linearly with --scale (1 is a small company; 10 and 100 are for benchmarks); the
same --seed and --scale always give identical files. The files land in
<out>/<source>/<table>.csv, which `dbt run-operation load_raw_tables --args '{root: <out>}'`
loads into the schemas the sources read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import pkgutil
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kpi101_demo
from kpi101_demo.core import Company
from kpi101_demo.writer import TableWriter

MANIFEST = "_manifest.json"


def source_modules() -> list:
    """Every module of kpi101_demo that writes a source system, in a stable order."""
    modules = []
    for info in sorted(pkgutil.iter_modules(kpi101_demo.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kpi101_demo.{info.name}")
        if hasattr(module, "SOURCE") and hasattr(module, "generate"):
            modules.append(module)
    return modules


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
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on a terminal, or from scale 10 up)",
    )
    args = parser.parse_args(argv)

    show_progress = args.progress if args.progress is not None else (sys.stderr.isatty() or args.scale >= 10)
    company = Company(seed=args.seed, scale=args.scale, start=args.start, months=args.months)
    prepare_output(args.out)
    started = time.monotonic()
    writer = TableWriter(args.out, progress=show_progress)
    try:
        for module in source_modules():
            module.generate(company, writer)
    finally:
        writer.close()
    manifest = {
        "seed": args.seed,
        "scale": args.scale,
        "start": args.start.isoformat(),
        "months": args.months,
        "tables": dict(sorted(writer.row_counts.items())),
    }
    (args.out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    total = sum(writer.row_counts.values())
    print(
        f"wrote {total:,} rows in {len(writer.row_counts)} tables to {args.out} "
        f"(scale {args.scale:g}, seed {args.seed}) in {time.monotonic() - started:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
