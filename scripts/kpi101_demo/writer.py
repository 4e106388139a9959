"""Streams generated rows to ``<out>/<source>/<table>.csv``, the layout load_raw_tables reads."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from . import csvtext


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
_NO_CONVERSION = frozenset({str, int, type(None)})


def _written_column(values: tuple) -> Sequence[object]:
    """One column of a batch as csv should write it: per column rather than per value, since
    most columns hold a single type and map() over a C method is far cheaper than a lookup per value."""
    kinds = set(map(type, values))
    if kinds <= _NO_CONVERSION:
        return values
    if len(kinds) == 1:
        return list(map(_CONVERTERS[kinds.pop()], values))
    if len(kinds) == 2 and type(None) in kinds:
        convert = _CONVERTERS.get(next(kind for kind in kinds if kind is not type(None)))
        if convert is not None:
            return [None if value is None else convert(value) for value in values]
    get = _CONVERTERS.get
    return [value if (convert := get(type(value))) is None else convert(value) for value in values]


PROGRESS_STEP = 20_000
TEXT_BATCH = 1 << 14  # rows write_text formats at a time: about 1 MB of text, which stays in the CPU cache
_COPIES = "__copies"  # the column of write_frame's copies, named apart from the callers' columns


class TableWriter:
    """Writes each table once; counts rows for the manifest and reports progress.

    ``report`` receives row counts as they are written (every PROGRESS_STEP rows and at the end
    of each table), and the table being written.
    """

    def __init__(self, out_dir: Path, report: Callable[[int, str], None] | None = None) -> None:
        self.out_dir = out_dir
        self.row_counts: dict[str, int] = {}
        self._report = report or (lambda rows, table: None)
        self._duckdb = None

    def write(self, source: str, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
        key = f"{source}.{table}"
        if key in self.row_counts:
            raise ValueError(f"table {key} was already written by another generator module")
        path = self.out_dir / source / f"{table}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        width = len(columns)
        count = 0
        with path.open("w", newline="", encoding="utf-8", buffering=1 << 20) as handle:
            out = csv.writer(handle, lineterminator="\n")
            out.writerow(columns)
            iterator = iter(rows)
            while batch := list(itertools.islice(iterator, PROGRESS_STEP)):
                if set(map(len, batch)) != {width}:
                    row = next(row for row in batch if len(row) != width)
                    raise ValueError(f"{key}: row has {len(row)} values for {width} columns: {row!r}")
                out.writerows(zip(*map(_written_column, zip(*batch, strict=True)), strict=True))
                count += len(batch)
                self._report(len(batch), key)
            if count == 0:
                self._report(0, key)
        self.row_counts[key] = count
        return count

    def write_frame(
        self,
        source: str,
        table: str,
        columns: Sequence[str],
        arrays: dict[str, np.ndarray],
        select: Sequence[str],
        copies: np.ndarray | None = None,
    ) -> int:
        """Writes a big table in bulk: DuckDB formats the columns (``select``, one SQL expression
        per column over the numpy ``arrays``) and streams the CSV into its file in row order,
        quoted and with empty fields for nulls as ``write`` does. ``copies`` says how many
        times each row is written, one after another (an export repeating rows); DuckDB repeats
        them as it writes, so no repeated copy of the arrays is made."""
        key, array_rows, path = self._bulk_table(source, table, columns, len(select), arrays, copies)
        expressions = ", ".join(f'{sql} as "{name}"' for sql, name in zip(select, columns, strict=True))
        frame = dict(arrays)
        rows = "frame"
        if copies is None:
            count = array_rows
        else:
            count = int(copies.sum())
            # unnest() repeats each row in place, in scan order (one thread, insertion order kept)
            frame[_COPIES] = copies.astype(np.int64, copy=False)
            rows = f"(select *, unnest(range({_COPIES})) from frame)"
        connection = self._connection()
        connection.register("frame", frame)
        try:
            literal_path = str(path).replace("'", "''")
            connection.execute(f"copy (select {expressions} from {rows}) to '{literal_path}' (header true)")
        finally:
            connection.unregister("frame")
        self._report(count, key)
        self.row_counts[key] = count
        return count

    def write_text(
        self,
        source: str,
        table: str,
        columns: Sequence[str],
        arrays: dict[str, np.ndarray],
        fields: Sequence[csvtext.Column],
        copies: np.ndarray | None = None,
    ) -> int:
        """Writes a big table in bulk, as ``write_frame`` does, with numpy formatting the text
        (csvtext: ``fields`` are its column formats over the numpy ``arrays``), a slice of
        TEXT_BATCH rows at a time; ``copies`` says how many times each row is written."""
        key, rows, path = self._bulk_table(source, table, columns, len(fields), arrays, copies)
        count = 0
        with path.open("wb") as handle:
            handle.write((",".join(map(csvtext.csv_field, columns)) + "\n").encode())
            for first in range(0, rows, TEXT_BATCH):
                batch = slice(first, first + TEXT_BATCH)
                frame = {name: values[batch] for name, values in arrays.items()}
                repeats = None if copies is None else copies[batch]
                handle.write(csvtext.lines([field(frame) for field in fields], repeats).data)
                written = len(next(iter(frame.values()))) if repeats is None else int(repeats.sum())
                count += written
                self._report(written, key)
        if count == 0:
            self._report(0, key)
        self.row_counts[key] = count
        return count

    def _bulk_table(
        self,
        source: str,
        table: str,
        columns: Sequence[str],
        formats: int,
        arrays: dict[str, np.ndarray],
        copies: np.ndarray | None,
    ) -> tuple[str, int, Path]:
        """The checks of a bulk write: (its key, the rows of its arrays, its file, folder created)."""
        key = f"{source}.{table}"
        if key in self.row_counts:
            raise ValueError(f"table {key} was already written by another generator module")
        if formats != len(columns):
            raise ValueError(f"{key}: {formats} formats for {len(columns)} columns")
        lengths = {len(values) for values in arrays.values()} | ({len(copies)} if copies is not None else set())
        if len(lengths) != 1:
            raise ValueError(f"{key}: columns of different lengths {sorted(lengths)}")
        path = self.out_dir / source / f"{table}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        return key, lengths.pop(), path

    def close(self) -> None:
        """Closes the DuckDB connection of write_frame, if any (a process should not fork with one)."""
        if self._duckdb is not None:
            self._duckdb.close()
            self._duckdb = None

    def _connection(self):
        if self._duckdb is None:
            import duckdb  # in the worker process: a connection must not cross a fork

            self._duckdb = duckdb.connect(config={"threads": 1, "preserve_insertion_order": True})
        return self._duckdb


def sql_text(value: str | None) -> str:
    """A SQL literal of a text value (NULL for None or the empty string, which csv writes alike)."""
    if value is None or value == "":
        return "null"
    return "'" + value.replace("'", "''") + "'"


def padded_id(prefix: str, numbers: str, width: int) -> str:
    """SQL of ids like V000000042 from a column of whole numbers (a number longer than ``width``
    keeps all its digits)."""
    return f"printf({sql_text(prefix.replace('%', '%%') + f'%0{width}d')}, {numbers})"


def label(codes: str, labels: Sequence[str | None]) -> str:
    """SQL picking the label of each code (0-based, an index into ``labels``; -1 gives null)."""
    return f"[{', '.join(sql_text(text) for text in labels)}][{codes} + 1]"


# csvtext's offsets as a SQL list, indexed by (minutes + 720) // 15 + 1.
_OFFSETS = "[" + ", ".join(f"'{csvtext.offset_text(minutes)}'" for minutes in csvtext.OFFSET_MINUTES) + "]"


def iso_time(seconds: str, offset_minutes: str | int = 0) -> str:
    """SQL writing Unix seconds (UTC) as local ISO 8601 with its offset, as isoformat() does.

    ``offset_minutes`` is a constant or a column (a multiple of 15 minutes); a null in
    ``seconds`` gives null.
    """
    if isinstance(offset_minutes, int):
        local, suffix = f"{seconds} + {offset_minutes * 60}", f"'{csvtext.offset_text(offset_minutes)}'"
    else:
        local, suffix = f"{seconds} + {offset_minutes} * 60", f"{_OFFSETS}[({offset_minutes} + 720) // 15 + 1]"
    return f"strftime(make_timestamp(({local}) * 1000000), '%Y-%m-%dT%H:%M:%S') || {suffix}"
