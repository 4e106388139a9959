"""No DuckDB-only SQL outside the dispatched engine macros (make test, well under a second).

The models, macros, singular tests and analyses must run unchanged on DuckDB, PostgreSQL and
Spark: every engine-specific construct lives in a macro named ``default__*``, ``duckdb__*``,
``postgres__*`` or ``spark__*`` (macros/sql/portable.sql and beside the macros that dispatch).
This scans everything else for the known DuckDB-only constructs and names file, line and the
portable replacement. Comments and SQL string literals are not scanned; SQL written inside
Jinja string literals (e.g. ``value='...'`` arguments) is.

    python scripts/check_portable_sql.py            # exit 1 listing every finding
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("models", "macros", "tests/dbt", "analyses")

# (pattern, what to use instead)
DUCKDB_ONLY = [
    (r"::", "cast(x as type)"),
    (r"\bepoch\s*\(", "seconds_between / days_between"),
    (r"\bdate_?diff\s*\(", "dbt.datediff"),
    (r"\bdate_(add|sub)\s*\(", "dbt.dateadd"),
    (r"\binterval\s*('|\d|\()", "interval_literal(count, unit) or dbt.dateadd"),
    (r"\b(generate_series|range)\s*\(", "timestamp_series / month_spine"),
    (r"\b(isodow|dayofweek|dow)\b", "iso_day_of_week"),
    (r"\b(string_split|str_split|string_to_array|split)\s*\(", "split_to_rows or dbt.split_part"),
    (r"\bregexp_\w+\s*\(", "a dispatched macro (e.g. collapse_whitespace)"),
    (r"\b(median|quantile\w*|percentile\w*)\s*\(", "median"),
    (r"\bas\s+double\b(?!\s+precision)", "type_double()"),
    (r"\bbool_or\s*\(", "dbt.bool_or"),
    (r"\bbool_and\s*\(", "bool_and"),
    (r"\bqualify\b", "a row_number() column filtered in the next CTE"),
    (r"\bexclude\s*\(", "an explicit column list"),
    (r"\b(group|order)\s+by\s+all\b", "explicit columns"),
    (r"\btimezone\s*\(", "to_utc / utc_timestamptz"),
    (r"\b(list_\w+|struct_\w+|array_\w+|unnest|list_value)\s*\(", "a dispatched macro"),
    (r"\bproduct\s*\(", "windowed_product"),
    (r"\bis(nan|inf)\s*\(", "is_not_finite"),
    (r"\b(try_cast|read_csv\w*|read_parquet|glob)\s*\(", "the loader's dispatched macros"),
    (r"\bhugeint\b", "bigint or decimal(38, 0)"),
    # Spark wants a length on varchar, PostgreSQL has no string type.
    (r"\bas\s+varchar\b(?!\s*\()", "dbt.type_string()"),
    (r"\bstring_agg\s*\(", "ordered_string_agg"),
    (r"\b(strftime|strptime)\s*\(", "a dispatched macro"),
    (r"\bcreate\s+or\s+replace\s+(temp\s+|temporary\s+)?table\b", "drop table if exists + create table"),
    (r"\b(count_if|arg_max|arg_min|max_by|min_by|last_day|make_date|make_timestamp|epoch_ms)\s*\(", "portable SQL"),
]
PATTERNS = [(re.compile(pattern, re.IGNORECASE), replacement) for pattern, replacement in DUCKDB_ONLY]

ENGINE_MACRO = re.compile(
    r"\{%-?\s*macro\s+(default|duckdb|postgres|spark)__\w+.*?\{%-?\s*endmacro\s*-?%\}", re.DOTALL | re.IGNORECASE
)
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
JINJA_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
SQL_COMMENT = re.compile(r"--[^\n]*")
SQL_STRING = re.compile(r"'(?:[^']|'')*'")


def blank(match: re.Match) -> str:
    """The match replaced by spaces, its newlines kept, so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def scannable_text(source: str) -> str:
    """The SQL outside engine macros, comments and literals, plus the strings inside Jinja tags."""
    text = ENGINE_MACRO.sub(blank, source)
    text = JINJA_COMMENT.sub(blank, text)

    def jinja_strings_only(match: re.Match) -> str:
        tag = match.group(0)
        kept = ["\n" if char == "\n" else " " for char in tag]
        for literal in JINJA_STRING.finditer(tag):
            for position in range(literal.start() + 1, literal.end() - 1):
                kept[position] = tag[position]
        return "".join(kept)

    pieces, last = [], 0
    for tag in JINJA_TAG.finditer(text):
        sql = text[last : tag.start()]
        pieces.append(SQL_STRING.sub(blank, SQL_COMMENT.sub(blank, sql)))
        pieces.append(jinja_strings_only(tag))
        last = tag.end()
    pieces.append(SQL_STRING.sub(blank, SQL_COMMENT.sub(blank, text[last:])))
    return "".join(pieces)


def findings(root: Path = ROOT) -> list[str]:
    found = []
    for folder in SCANNED:
        if not (root / folder).is_dir():
            continue
        for path in sorted((root / folder).rglob("*.sql")):
            text = scannable_text(path.read_text())
            for number, line in enumerate(text.splitlines(), start=1):
                for pattern, replacement in PATTERNS:
                    match = pattern.search(line)
                    if match:
                        relative = path.relative_to(root)
                        found.append(f"{relative}:{number}: DuckDB-only `{match.group(0).strip()}`; use {replacement}")
    return found


# PostgreSQL cuts identifiers at 63 bytes; dbt names a unit test's relations after the test.
MAX_IDENTIFIER_LENGTH = 63


def long_unit_test_names(root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / "models").rglob("*.yml")):
        for unit_test in (yaml.safe_load(path.read_text()) or {}).get("unit_tests") or []:
            if len(unit_test["name"]) > MAX_IDENTIFIER_LENGTH:
                relative = path.relative_to(root)
                found.append(
                    f"{relative}: unit test name {unit_test['name']} is longer than {MAX_IDENTIFIER_LENGTH} characters"
                )
    return found


def main() -> int:
    found = findings() + long_unit_test_names()
    for finding in found:
        print(finding)
    if found:
        print(
            f"{len(found)} engine-specific construct(s) outside the dispatched macros "
            "(default__/duckdb__/postgres__/spark__, macros/sql/portable.sql)",
            file=sys.stderr,
        )
        return 1
    print("portable SQL: no DuckDB-only construct outside the dispatched macros")
    return 0


if __name__ == "__main__":
    sys.exit(main())
