"""Streams generated rows to ``<out>/<source>/<table>.csv``, the layout load_raw_tables reads."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path


def _boolean(value: bool) -> str:
    return "true" if value else "false"


def _decimal(value: float) -> str:
    return repr(round(value, 6))


# How a value of each type is written; types not listed (str, int, None) go to csv as they are,
# and csv writes None as an empty field. Looked up by exact type: bool is not treated as int.
_CONVERTERS: dict[type, Callable[[object], object]] = {
    bool: _boolean,
    dt.datetime: dt.datetime.isoformat,
    dt.date: dt.date.isoformat,
    float: _decimal,
}
PROGRESS_STEP = 20_000


class TableWriter:
    """Writes each table once; counts rows for the manifest and reports progress.

    ``report`` receives row counts as they are written (every PROGRESS_STEP rows and at the end
    of each table), and the table being written.
    """

    def __init__(self, out_dir: Path, report: Callable[[int, str], None] | None = None) -> None:
        self.out_dir = out_dir
        self.row_counts: dict[str, int] = {}
        self._report = report or (lambda rows, table: None)

    def write(self, source: str, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
        key = f"{source}.{table}"
        if key in self.row_counts:
            raise ValueError(f"table {key} was already written by another generator module")
        path = self.out_dir / source / f"{table}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        width = len(columns)
        convert = _CONVERTERS.get
        count = 0
        with path.open("w", newline="", encoding="utf-8", buffering=1 << 20) as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(columns)
            batch = []
            for row in rows:
                if len(row) != width:
                    raise ValueError(f"{key}: row has {len(row)} values for {width} columns: {row!r}")
                batch.append([v if (c := convert(type(v))) is None else c(v) for v in row])
                if len(batch) == PROGRESS_STEP:
                    out.writerows(batch)
                    count += PROGRESS_STEP
                    self._report(PROGRESS_STEP, key)
                    batch = []
            out.writerows(batch)
            count += len(batch)
            self._report(len(batch), key)
        self.row_counts[key] = count
        return count
