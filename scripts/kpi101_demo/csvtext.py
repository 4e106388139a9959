"""CSV text of whole numpy columns, formatted by numpy into byte matrices.

The biggest tables are written this way instead of through DuckDB: a row becomes one row of a
uint8 matrix (each field at a fixed position, padded to its widest value), and the padding of
the fields of varying width is dropped with one boolean mask as the rows are written. Ids,
times and labels come from lookup tables (four digits, a day, a time of day, a label at a
time), so a row costs a few gathers instead of formatting each value.

The text is what DuckDB's CSV writer makes of the same SQL (``writer.padded_id``, ``label``,
``iso_time``): zero-padded ids, ISO 8601 local times with their offset, labels quoted when
they hold a comma, a quote or a line break, and empty fields for nulls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np


@dataclass(frozen=True)
class Text:
    """Fields of a column as bytes: row i is ``matrix[i, :lengths[i]]`` (all of it if no lengths)."""

    matrix: np.ndarray  # (rows, widest) uint8
    lengths: np.ndarray | None = None

    @property
    def width(self) -> int:
        return self.matrix.shape[1]


# A column of a table, formatted from the table's arrays (a slice of rows of each) as Text.
Column = Callable[[dict[str, np.ndarray]], Text]


@cache
def _four_digits() -> np.ndarray:
    """'0000' to '9999' as one uint32 word each (their four ASCII bytes)."""
    numbers = np.arange(10_000)
    text = np.stack([numbers // 1000, numbers // 100 % 10, numbers // 10 % 10, numbers % 10], axis=1) + ord("0")
    return np.ascontiguousarray(text.astype(np.uint8)).view(np.uint32).ravel()


def digits(values: np.ndarray, width: int) -> np.ndarray:
    """Whole numbers from 0 to 10**width - 1, zero-padded to ``width`` digits: (rows, width) uint8."""
    if len(values) and values.max() >= 10**width:
        raise ValueError(f"a number exceeds {width} digits: {values.max()}")
    groups = -(-width // 4)
    words = np.empty((len(values), groups), dtype=np.uint32)
    rest = values.astype(np.int64)
    for group in range(groups - 1, -1, -1):
        rest, words[:, group] = np.divmod(rest, 10_000)
    words = _four_digits()[words]
    return words.view(np.uint8).reshape(len(values), 4 * groups)[:, 4 * groups - width :]


def _constant(text: str, rows: int) -> np.ndarray:
    return np.broadcast_to(np.frombuffer(text.encode(), dtype=np.uint8), (rows, len(text)))


def _joined(parts: Sequence[np.ndarray], rows: int) -> np.ndarray:
    matrix = np.empty((rows, sum(part.shape[1] for part in parts)), dtype=np.uint8)
    position = 0
    for part in parts:
        matrix[:, position : position + part.shape[1]] = part
        position += part.shape[1]
    return matrix


def _nulls_where(text: Text, missing: np.ndarray) -> Text:
    """The same fields, empty where ``missing``."""
    lengths = np.full(len(missing), text.width) if text.lengths is None else text.lengths
    return Text(text.matrix, np.where(missing, 0, lengths))


def padded_id(prefix: str, column: str, width: int, plus: int = 0) -> Column:
    """Ids like V000000042 from a column of whole numbers, each + ``plus``; a negative number in
    the column gives null."""

    def text(frame: dict[str, np.ndarray]) -> Text:
        missing = frame[column] < 0
        numbers = np.maximum(frame[column] + plus if plus else frame[column], 0)
        ids = Text(_joined([_constant(prefix, len(numbers)), digits(numbers, width)], len(numbers)))
        return _nulls_where(ids, missing) if missing.any() else ids

    return text


def csv_field(value: str) -> str:
    """A text value as a CSV field: quoted when it holds the delimiter, a quote or a line break."""
    if any(special in value for special in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


@cache
def _label_table(labels: tuple[str | None, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Each label's field padded to the widest, and its length; one more row (-1): null."""
    fields = [csv_field(text).encode() if text else b"" for text in labels]
    widest = max(1, *map(len, fields))
    table = np.zeros((len(fields) + 1, widest), dtype=np.uint8)
    for row, field in enumerate(fields):
        table[row, : len(field)] = np.frombuffer(field, dtype=np.uint8)
    return table, np.array([len(field) for field in fields] + [0])


def label(column: str, labels: Sequence[str | None]) -> Column:
    """The label of each code (0-based, an index into ``labels``; -1, None or "" give null)."""

    def text(frame: dict[str, np.ndarray]) -> Text:
        table, lengths = _label_table(tuple(labels))
        codes = frame[column].astype(np.intp)
        return Text(table[codes], lengths[codes])

    return text


def offset_text(minutes: int) -> str:
    """A UTC offset in minutes as isoformat() writes it: +05:30, -03:00."""
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


@cache
def _times_of_day() -> np.ndarray:
    """'HH:MM:SS' of every second of a day, one uint64 word each."""
    second = np.arange(86_400)
    colon = _constant(":", len(second))
    hours, minutes, seconds = digits(second // 3600, 2), digits(second // 60 % 60, 2), digits(second % 60, 2)
    text = _joined([hours, colon, minutes, colon, seconds], len(second))
    return np.ascontiguousarray(text).view(np.uint64).ravel()


_DAY_BLOCK = 2048  # days: the date tables start at a multiple of it and span whole blocks


@cache
def _days(first: int, count: int) -> np.ndarray:
    """'YYYY-MM-DDT' of ``count`` days from day ``first`` since 1970-01-01 (built once per span,
    not once per batch)."""
    epoch = dt.date(1970, 1, 1)
    text = "".join((epoch + dt.timedelta(days=day)).isoformat() + "T" for day in range(first, first + count))
    return np.frombuffer(text.encode(), dtype=np.uint8).reshape(-1, 11)


# Every UTC offset from -12:00 to +14:00 in steps of 15 minutes.
OFFSET_MINUTES = np.arange(-720, 841, 15)
_OFFSETS = np.frombuffer("".join(map(offset_text, OFFSET_MINUTES)).encode(), dtype=np.uint8).reshape(-1, 6)


def iso_time(column: str, offset_minutes: int | str = 0) -> Column:
    """Unix seconds (UTC) as local ISO 8601 with the offset, as isoformat() writes it; the offset
    is a constant or a column of minutes (a multiple of 15); a negative time gives null."""

    def text(frame: dict[str, np.ndarray]) -> Text:
        seconds = frame[column]
        rows = len(seconds)
        missing = seconds < 0
        if isinstance(offset_minutes, int):
            local = seconds + offset_minutes * 60
            suffix = _constant(offset_text(offset_minutes), rows)
        else:
            zone = frame[offset_minutes]
            local = seconds + zone * 60
            suffix = _OFFSETS[(zone + 720) // 15]
        if missing.any():
            local = np.where(missing, local[~missing][0] if (~missing).any() else 0, local)
        day, second = np.divmod(local, 86_400)
        first = int(day.min()) - int(day.min()) % _DAY_BLOCK if rows else 0
        blocks = -(-(int(day.max()) - first + 1) // _DAY_BLOCK) if rows else 1
        days = _days(first, blocks * _DAY_BLOCK)[day - first]
        times = _times_of_day()[second].view(np.uint8).reshape(rows, 8)
        moments = Text(_joined([days, times, suffix], rows))
        return _nulls_where(moments, missing) if missing.any() else moments

    return text


def integer(column: str) -> Column:
    """Whole numbers from 0 up without padding; a negative number gives null."""

    def text(frame: dict[str, np.ndarray]) -> Text:
        numbers = frame[column].astype(np.int64)
        widest = max(1, len(str(int(numbers.max())))) if len(numbers) else 1
        shown = np.maximum(numbers, 0)
        length = np.ones(len(numbers), dtype=np.int64)
        for power in range(1, widest):
            length += shown >= 10**power
        padded = digits(shown, widest)
        # shift each number to the left of its field: drop its leading zeros
        start = widest - length
        columns = np.arange(widest)[None, :] + start[:, None]
        matrix = np.take_along_axis(padded, np.minimum(columns, widest - 1), axis=1)
        return Text(matrix, np.where(numbers < 0, 0, length))

    return text


def boolean(column: str) -> Column:
    """true or false (as DuckDB writes a boolean column)."""
    return label(column, ["false", "true"])


def literal(text: str) -> Column:
    """The same text in every row."""
    return lambda frame: Text(_constant(text, len(next(iter(frame.values())))))


def one_of(column: str, choices: Sequence[Column | None]) -> Column:
    """Per row, the field of ``choices[code]`` for its code in ``column`` (0-based; a bool is
    0 or 1); a code without a choice, or a None choice, gives null."""

    def text(frame: dict[str, np.ndarray]) -> Text:
        codes = frame[column].astype(np.intp)
        picked = []
        for code, choice in enumerate(choices):
            rows = np.flatnonzero(codes == code)
            if choice is not None and len(rows):
                picked.append((rows, choice({name: values[rows] for name, values in frame.items()})))
        matrix = np.zeros((len(codes), max([1] + [field.width for _, field in picked])), dtype=np.uint8)
        lengths = np.zeros(len(codes), dtype=np.int64)
        for rows, field in picked:
            matrix[rows, : field.width] = field.matrix
            lengths[rows] = field.width if field.lengths is None else field.lengths
        return Text(matrix, lengths)

    return text


def concatenated(*columns: Column) -> Column:
    """The fields of several columns one after another; null if one of them is (as SQL's ||)."""

    def text(frame: dict[str, np.ndarray]) -> Text:
        parts = [column(frame) for column in columns]
        matrix, keep = _side_by_side(parts, [None] * len(parts))
        if keep is None:
            return Text(matrix)
        lengths = keep.sum(axis=1)
        packed = np.zeros((len(matrix), matrix.shape[1]), dtype=np.uint8)
        packed[np.arange(matrix.shape[1]) < lengths[:, None]] = matrix[keep]
        missing = np.logical_or.reduce([part.lengths == 0 for part in parts if part.lengths is not None])
        return Text(packed, np.where(missing, 0, lengths))

    return text


def _side_by_side(fields: Sequence[Text], ends: Sequence[int | None]) -> tuple[np.ndarray, np.ndarray | None]:
    """The fields at fixed positions of one matrix, each followed by its byte of ``ends`` (None:
    nothing), and which bytes belong to a field (None: all)."""
    rows = len(fields[0].matrix)
    matrix = np.empty((rows, sum(field.width for field in fields) + sum(end is not None for end in ends)), np.uint8)
    keep = None
    position = 0
    for field, end in zip(fields, ends, strict=True):
        matrix[:, position : position + field.width] = field.matrix
        if field.lengths is not None:
            if keep is None:
                keep = np.ones(matrix.shape, dtype=bool)
            keep[:, position : position + field.width] = np.arange(field.width) < field.lengths[:, None]
        position += field.width
        if end is not None:
            matrix[:, position] = end
            position += 1
    return matrix, keep


def lines(fields: Sequence[Text], copies: np.ndarray | None = None) -> np.ndarray:
    """The CSV lines of the rows (comma-separated fields, each row ending in a newline), row i
    written ``copies[i]`` times in a row; the bytes as one uint8 array."""
    matrix, keep = _side_by_side(fields, [ord(",")] * (len(fields) - 1) + [ord("\n")])
    if copies is not None and (copies != 1).any():  # most batches repeat no row
        repeated = np.repeat(np.arange(len(matrix)), copies)
        matrix = matrix[repeated]
        keep = None if keep is None else keep[repeated]
    return matrix.ravel() if keep is None else matrix[keep]
