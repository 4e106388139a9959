"""Compare the KPI marts of two kpi101 DuckDB builds row by row.

    python scripts/compare_marts.py before.duckdb after.duckdb
    python scripts/compare_marts.py before.duckdb after.duckdb --tables kpis support_kpis

The marts are `kpis` and every `<domain>_kpis` table of the main schema (the `expected_*` seeds
excluded). For each mart present in either build, the rows of one that the other lacks are
counted and the first few printed, as a multiset (a duplicated row counts twice); values are
compared exactly, floats included. Exit status 0 when every mart has the same rows in both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb


def mart_tables(con: duckdb.DuckDBPyConnection, catalog: str, only_marts: bool = True) -> set[str]:
    """The marts of a build, or with only_marts=False every table of its main schema."""
    marts = (
        " and (table_name = 'kpis' or table_name like '%\\_kpis' escape '\\')"
        " and table_name not like 'expected\\_%' escape '\\'"
    )
    rows = con.execute(
        "select table_name from information_schema.tables where table_catalog = ? and table_schema = 'main'"
        " and table_type = 'BASE TABLE'" + (marts if only_marts else ""),
        [catalog],
    ).fetchall()
    return {name for (name,) in rows}


def compare(before: Path, after: Path, tables: list[str] | None, shown: int) -> int:
    con = duckdb.connect()
    con.execute(f"attach '{before}' as before_build (read_only)")
    con.execute(f"attach '{after}' as after_build (read_only)")
    # named tables may be any table (e.g. an incremental fact), the default is the marts
    only_marts = not tables
    before_tables = mart_tables(con, "before_build", only_marts)
    after_tables = mart_tables(con, "after_build", only_marts)
    names = sorted(tables or before_tables | after_tables)
    differing = 0
    for name in names:
        if name not in before_tables or name not in after_tables:
            print(f"{name}: only in {'after' if name not in before_tables else 'before'}")
            differing += 1
            continue
        rows = con.execute(f"select count(*) from before_build.main.{name}").fetchone()[0]
        only = {}
        for label, left, right in (("before", "before_build", "after_build"), ("after", "after_build", "before_build")):
            query = f"select * from {left}.main.{name} except all select * from {right}.main.{name}"
            only[label] = con.execute(f"select count(*) from ({query})").fetchone()[0]
            if only[label]:
                print(f"{name}: {only[label]} row(s) only {label}, e.g.")
                for row in con.execute(f"{query} order by all limit {shown}").fetchall():
                    print(f"    {row}")
        if any(only.values()):
            differing += 1
        else:
            print(f"{name}: identical ({rows:,} rows)")
    print(f"{differing} of {len(names)} marts differ" if differing else f"all {len(names)} marts identical")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path, help="DuckDB file of the reference build")
    parser.add_argument("after", type=Path, help="DuckDB file of the build to check")
    parser.add_argument(
        "--tables", nargs="+", help="tables of the main schema to compare (default: kpis and every <domain>_kpis)"
    )
    parser.add_argument("--show", type=int, default=5, help="differing rows printed per side (default 5)")
    args = parser.parse_args(argv)
    return compare(args.before, args.after, args.tables, args.show)


if __name__ == "__main__":
    sys.exit(main())
