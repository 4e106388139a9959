"""Streams generated rows to ``<out>/<source>/<table>.csv``, the layout load_raw_tables reads."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from tqdm import tqdm


def _format(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 6))
    return value


class TableWriter:
    """Writes each table once; counts rows for the manifest and the progress bar."""

    def __init__(self, out_dir: Path, progress: bool) -> None:
        self.out_dir = out_dir
        self.row_counts: dict[str, int] = {}
        self._bar = tqdm(unit=" rows", disable=not progress, desc="generating", dynamic_ncols=True)

    def write(self, source: str, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
        key = f"{source}.{table}"
        if key in self.row_counts:
            raise ValueError(f"table {key} was already written by another generator module")
        path = self.out_dir / source / f"{table}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._bar.set_description(key)
        count = 0
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(columns)
            for row in rows:
                if len(row) != len(columns):
                    raise ValueError(f"{key}: row has {len(row)} values for {len(columns)} columns: {row!r}")
                out.writerow([_format(value) for value in row])
                count += 1
                if count % 10_000 == 0:
                    self._bar.update(10_000)
        self._bar.update(count % 10_000)
        self.row_counts[key] = count
        return count

    def close(self) -> None:
        self._bar.close()
