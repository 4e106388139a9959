"""Append one day of event rows, late rows and re-sent duplicates to a loaded kpi101 database.

    python scripts/append_event_day.py kpi101.duckdb

Used to check and measure the incremental event facts (README "Incremental rebuilds"). On the
raw tables those facts read (web sessions, app sessions, product events, shop orders, help-desk
tickets, each with its child rows), with D the newest day of each:
- a new day: every row dated D is copied to D + 1 (ids suffixed `-next`), with its pageviews,
  goal conversions, order lines, ticket comments and status changes;
- late rows: the same rows copied to D - 1 an hour earlier (ids suffixed `-late`, same visitors,
  users and customers, so first visits and order numbers move), and the oldest ticket gets its
  comments and status changes again on D - 1 (a late reopen of an old ticket);
- re-sent duplicates: exact copies of a few rows dated D (staging drops exact duplicates).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

# (schema, table, timestamp columns, id columns), parents first; a child row is copied with
# its parent (the first id column of the parent is the child's link to it).
FAMILIES = [
    [("raw_web", "sessions", ["started_at"], ["session_id"]),
     ("raw_web", "pageviews", ["viewed_at"], ["pageview_id", "session_id"]),
     ("raw_web", "goal_conversions", ["converted_at"], ["conversion_id", "session_id"])],
    [("raw_app", "sessions", ["started_at", "ended_at"], ["session_id"])],
    [("raw_product", "events", ["occurred_at"], ["event_id"])],
    [("raw_shop", "orders", ["placed_at", "cancelled_at"], ["order_id"]),
     ("raw_shop", "order_items", [], ["order_item_id", "order_id"])],
    [("raw_helpdesk", "tickets", ["created_at"], ["ticket_id"]),
     ("raw_helpdesk", "ticket_comments", ["created_at"], ["comment_id", "ticket_id"]),
     ("raw_helpdesk", "ticket_status_events", ["changed_at"], ["event_id", "ticket_id"])],
]  # fmt: skip

RESENT_ROWS = 3


def copy_rows(con, family, day: str, shift: str, suffix: str) -> int:
    """Copy the rows of `day` (by the parent's first timestamp) shifted by `shift`, ids suffixed."""
    schema, parent, parent_times, parent_ids = family[0]
    selected = f"select {parent_ids[0]} from {schema}.{parent} where cast({parent_times[0]} as date) = date '{day}'"
    copied = 0
    for table_schema, table, times, ids in family:
        replaced = [f"{column} + interval '{shift}' as {column}" for column in times]
        replaced += [f"{column} || '{suffix}' as {column}" for column in ids]
        link = parent_ids[0]
        copied += con.execute(
            f"insert into {table_schema}.{table} select * replace ({', '.join(replaced)})"
            f" from {table_schema}.{table} where {link} in ({selected})"
        ).fetchone()[0]
    return copied


def reopen_oldest_ticket(con, day: str) -> int:
    """The oldest ticket's comments and status changes happen again on `day`: a late reopen."""
    (ticket_id,) = con.execute(
        "select ticket_id from raw_helpdesk.tickets order by created_at, ticket_id limit 1"
    ).fetchone()
    copied = 0
    for table, time, event_id in (
        ("ticket_comments", "created_at", "comment_id"),
        ("ticket_status_events", "changed_at", "event_id"),
    ):
        copied += con.execute(
            f"insert into raw_helpdesk.{table} select * replace ("
            f" timestamptz '{day} 08:00:00+00'"
            f" + (row_number() over (order by {time}, {event_id})) * interval '1 hour' as {time},"
            f" {event_id} || '-reopen' as {event_id})"
            # distinct: an exact duplicate of a comment (re-sent by the source) happens again once
            f" from (select distinct * from raw_helpdesk.{table} where ticket_id = ?)",
            [ticket_id],
        ).fetchone()[0]
    return copied


def resend_duplicates(con, family, day: str) -> int:
    schema, table, times, ids = family[0]
    return con.execute(
        f"insert into {schema}.{table} select * from {schema}.{table}"
        f" where cast({times[0]} as date) = date '{day}' order by {ids[0]} limit {RESENT_ROWS}"
    ).fetchone()[0]


def append_event_day(database: Path) -> dict[str, int]:
    counts = {"new_day": 0, "late": 0, "resent": 0}
    with duckdb.connect(str(database)) as con:
        con.execute("set TimeZone = 'UTC'")
        con.execute("begin")
        for family in FAMILIES:
            schema, table, times, _ = family[0]
            (newest,) = con.execute(f"select cast(max({times[0]}) as date) from {schema}.{table}").fetchone()
            day = newest.isoformat()
            counts["resent"] += resend_duplicates(con, family, day)
            counts["new_day"] += copy_rows(con, family, day, "1 day", "-next")
            counts["late"] += copy_rows(con, family, day, "-25 hours", "-late")
        (newest_ticket_day,) = con.execute(
            "select cast(max(created_at) as date) - 1 from raw_helpdesk.tickets"
        ).fetchone()
        counts["late"] += reopen_oldest_ticket(con, newest_ticket_day.isoformat())
        con.execute("commit")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("database", type=Path, help="a DuckDB file with the raw tables loaded")
    args = parser.parse_args(argv)
    counts = append_event_day(args.database)
    print(", ".join(f"{name}: {rows:,} rows" for name, rows in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
