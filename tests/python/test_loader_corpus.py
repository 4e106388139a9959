"""The loader's bad-input corpus: one defect per case on a copy of fixtures/ecommerce.

Each case must fail with a message naming the table, the column (and line where there is one),
and leave every raw table and `kpis` byte-identical to the last good load. Every case also
carries one valid change in the alphabetically first file (ads spend), so a loader that
replaced tables one by one before failing would show up in the hash.

One dbt parse serves every case (dbtRunner in-process, reusing the manifest). The parse uses
hostile vars on purpose (a `source_schemas` value and an `activation_event` with quotes and
SQL), so the same run also proves they stay data. The README's "Loading your data safely"
table lists these cases; test_readme_lists_every_case keeps the two in step. The same parse
serves the checks that a missing file loads as an empty table with its declared columns and
that values which load but break a source's contract fail its tests.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner

from .conftest import REPO

BASE = REPO / "fixtures" / "ecommerce"
HOSTILE_SCHEMA = "x; drop table main.kpis; --"
HOSTILE_EVENT = "it's'); drop table main.kpis; --"
HOSTILE_VARS = json.dumps({"source_schemas": {"product": HOSTILE_SCHEMA}, "activation_event": HOSTILE_EVENT})


# --- editing helpers: each returns a mutation of a scenario folder --------------------------


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue())


def set_cell(file: str, line: int, column: str, value: str) -> Callable[[Path], None]:
    """Line counts the header as line 1, like the loader's messages."""

    def mutate(root: Path) -> None:
        rows = read_rows(root / file)
        rows[line - 1][rows[0].index(column)] = value
        write_rows(root / file, rows)

    return mutate


def edit_text(file: str, old: str, new: str | bytes) -> Callable[[Path], None]:
    """Replaces the first `old` in the file; `new` as bytes can write what is not UTF-8."""

    def mutate(root: Path) -> None:
        content = (root / file).read_bytes()
        assert old.encode() in content, f"{old!r} not in {file}"
        replacement = new if isinstance(new, bytes) else new.encode()
        (root / file).write_bytes(content.replace(old.encode(), replacement, 1))

    return mutate


def write_bytes(file: str, content: bytes) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        (root / file).write_bytes(content)

    return mutate


def drop_column(file: str, column: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        rows = read_rows(root / file)
        index = rows[0].index(column)
        write_rows(root / file, [row[:index] + row[index + 1 :] for row in rows])

    return mutate


def rename(file: str, new_name: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        (root / file).rename(root / new_name)

    return mutate


def append_to_every_line(file: str, suffix: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        lines = (root / file).read_text().splitlines()
        (root / file).write_text("".join(line + suffix + "\n" for line in lines))

    return mutate


def both(*mutations: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        for mutation in mutations:
            mutation(root)

    return mutate


def empty_folder(root: Path) -> None:
    shutil.rmtree(root)
    root.mkdir()
    (root / "README.md").write_text("no data here\n")


def missing_folder(root: Path) -> None:
    shutil.rmtree(root)


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Callable[[Path], None]
    expected: tuple[str, ...]


CASES = [
    Case(
        "timestamp_impossible_date",
        set_cell("shop/orders.csv", 2, "placed_at", "2024-02-30T10:00:00Z"),
        ("shop.orders", "'placed_at'", "1 value(s) are not a valid timestamptz", "line 2: '2024-02-30T10:00:00Z'"),
    ),
    Case(
        "timestamp_day_first",
        set_cell("shop/orders.csv", 3, "placed_at", "14/02/2024 12:00"),
        ("shop.orders", "'placed_at'", "line 3: '14/02/2024 12:00'"),
    ),
    Case(
        "timestamp_us_month_first",
        set_cell("billing/subscriptions.csv", 2, "ended_at", "03/10/2024"),
        ("billing.subscriptions", "'ended_at'", "line 2: '03/10/2024'"),
    ),
    Case(
        "timestamp_hour_25",
        set_cell("shop/listing_views.csv", 4, "viewed_at", "2024-01-03T25:00:00Z"),
        ("shop.listing_views", "'viewed_at'", "line 4: '2024-01-03T25:00:00Z'"),
    ),
    Case(
        "integer_with_fraction",
        set_cell("shop/order_items.csv", 2, "quantity", "1.5"),
        ("shop.order_items", "'quantity'", "not a valid integer", "line 2: '1.5'"),
    ),
    Case(
        "integer_as_word",
        set_cell("shop/order_items.csv", 3, "quantity", "two"),
        ("shop.order_items", "'quantity'", "line 3: 'two'"),
    ),
    Case(
        "integer_overflow",
        set_cell("shop/orders.csv", 2, "order_number", "99999999999"),
        ("shop.orders", "'order_number'", "line 2: '99999999999'"),
    ),
    Case(
        "decimal_more_digits_than_scale",
        set_cell("shop/order_items.csv", 2, "unit_price", "20.005"),
        ("shop.order_items", "'unit_price'", "not a valid decimal(18,2)", "line 2: '20.005'"),
    ),
    Case(
        "decimal_with_comma",
        set_cell("shop/order_items.csv", 2, "unit_price", "20,00"),
        ("shop.order_items", "'unit_price'", "line 2: '20,00'"),
    ),
    Case(
        "decimal_with_currency_symbol",
        set_cell("shop/orders.csv", 2, "discount_amount", "$5.00"),
        ("shop.orders", "'discount_amount'", "line 2: '$5.00'"),
    ),
    Case(
        "date_month_13",
        set_cell("ads/ad_performance.csv", 3, "report_date", "2024-13-05"),
        ("ads.ad_performance", "'report_date'", "not a valid date", "line 3: '2024-13-05'"),
    ),
    Case(
        "boolean_as_maybe",
        set_cell("shop/buyers.csv", 2, "accepts_marketing", "maybe"),
        ("shop.buyers", "'accepts_marketing'", "not a valid boolean", "line 2: 'maybe'"),
    ),
    Case(
        "many_bad_values_counted",
        both(*(set_cell("shop/orders.csv", line, "tax_amount", "n/a") for line in range(2, 7))),
        ("shop.orders", "'tax_amount'", "5 value(s)", "line 2: 'n/a'", "line 4: 'n/a'"),
    ),
    Case(
        "unterminated_quote",
        edit_text("shop/orders.csv", "O03,1003,C3,", 'O03,"1003,C3,'),
        ("shop.orders", "line 4", "unterminated quote"),
    ),
    Case(
        "too_many_fields",
        edit_text("shop/orders.csv", "K02,0.00,1.60,0.00,", "K02,0.00,1.60,0.00,,extra"),
        ("shop.orders", "line 3", "Expected Number of Columns: 11 Found: 12"),
    ),
    Case(
        "too_few_fields",
        edit_text("shop/order_items.csv", "OI02,O02,L1,20.00,1", "OI02,O02,L1,20.00"),
        ("shop.order_items", "line 3", "Expected Number of Columns: 5 Found: 4"),
    ),
    Case(
        "not_utf8",
        edit_text("shop/listings.csv", "Ceramic mug", b"Caf\xe9 mug"),
        ("shop.listings", "line 2", "not utf-8 encoded"),
    ),
    Case(
        "semicolon_delimiter",
        write_bytes(
            "shop/sellers.csv", b"seller_id;shop_name;registered_at;country\nS1;Mugs;2024-01-01T00:00:00Z;us\n"
        ),
        ("shop.sellers", "column 'seller_id;shop_name;registered_at;country' is not declared"),
    ),
    Case(
        "duplicated_header_column",
        edit_text("shop/orders.csv", "status,traffic_source", "status,status"),
        ("shop.orders", "header names column 'status' twice (columns 5 and 6)"),
    ),
    Case(
        "unnamed_header_column",
        append_to_every_line("shop/carts.csv", ","),
        ("shop.carts", "header column 5 has no name"),
    ),
    Case(
        "undeclared_column",
        edit_text("shop/orders.csv", "discount_amount", "discount"),
        ("shop.orders", "column 'discount' is not declared"),
    ),
    Case(
        "required_column_missing",
        drop_column("shop/orders.csv", "discount_amount"),
        ("shop.orders", "required column 'discount_amount' is missing"),
    ),
    Case(
        "empty_file",
        write_bytes("product/users.csv", b""),
        ("product.users", "empty file: no header line"),
    ),
    Case(
        "file_name_wrong_case",
        rename("shop/orders.csv", "shop/Orders.csv"),
        ("shop/Orders.csv", "case-sensitive", "shop/orders.csv"),
    ),
    Case(
        "undeclared_file",
        write_bytes("shop/ordres.csv", b"order_id\nO1\n"),
        ("shop/ordres.csv", "not a declared source table"),
    ),
    Case(
        "undeclared_source_folder",
        write_bytes("shopify/orders.csv", b"order_id\nO1\n"),
        ("shopify/orders.csv", "not a declared source table"),
    ),
    Case(
        "folder_missing",
        missing_folder,
        ("no declared <source>/<table>.csv file found", "does not exist"),
    ),
    Case(
        "folder_without_declared_files",
        empty_folder,
        ("no declared <source>/<table>.csv file found", "holds none of the declared files"),
    ),
    Case(
        "defects_in_first_and_last_file",
        both(
            set_cell("ads/ad_performance.csv", 2, "clicks", "fifty"),
            set_cell("web/sessions.csv", 3, "started_at", "yesterday"),
        ),
        ("2 problem(s)", "ads.ad_performance", "'clicks'", "web.sessions", "'started_at'", "line 3: 'yesterday'"),
    ),
]


# --- running the loader in-process -----------------------------------------------------------


class Loader:
    """run-operation load_raw_tables against one database, reusing one parsed manifest."""

    def __init__(self, work: Path, database: Path):
        self.database = database
        self.flags = [
            "--project-dir",
            str(REPO),
            "--profiles-dir",
            str(REPO / "profiles"),
            "--target-path",
            str(work / "target"),
            "--log-path",
            str(work / "logs"),
            "--log-level-file",
            "none",
            "--vars",
            HOSTILE_VARS,
        ]
        self.messages: list[str] = []
        parsed = dbtRunner().invoke(["parse", *self.flags])
        assert parsed.success, parsed.exception
        self.runner = dbtRunner(manifest=parsed.result, callbacks=[self.collect])

    def collect(self, event) -> None:
        self.messages.append(event.info.msg)

    def invoke(self, *args: str) -> tuple[bool, str]:
        self.messages.clear()
        try:
            result = self.runner.invoke([*args, *self.flags])
        finally:
            release_duckdb()
        return result.success, "\n".join(str(message) for message in self.messages)

    def load(self, root: Path) -> tuple[bool, str]:
        return self.invoke("run-operation", "load_raw_tables", "--args", json.dumps({"root": str(root)}))


def release_duckdb() -> None:
    """dbt-duckdb keeps its database open in-process after an operation; close it so this test can open it."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


def database_fingerprint(database: Path) -> dict[str, str]:
    """sha256 of the column types and ordered rows of every table (raw schemas and main.kpis)."""
    fingerprint = {}
    with duckdb.connect(str(database), read_only=True) as con:
        tables = con.sql(
            "select table_schema, table_name from information_schema.tables"
            " where table_type = 'BASE TABLE' order by all"
        ).fetchall()
        for schema, table in tables:
            relation = f'"{schema}"."{table}"'
            described = con.sql(f"describe {relation}").fetchall()
            rows = con.sql(f"select * from {relation} order by all").fetchall()
            fingerprint[f"{schema}.{table}"] = hashlib.sha256(repr((described, rows)).encode()).hexdigest()
    return fingerprint


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, monkeypatch_module):
    """A database holding the last good load of fixtures/ecommerce and a stand-in `kpis`."""
    work = tmp_path_factory.mktemp("corpus")
    database = work / "corpus.duckdb"
    monkeypatch_module.setenv("KPI101_DUCKDB_PATH", str(database))
    monkeypatch_module.setenv("KPI101_TARGET", "dev")
    monkeypatch_module.setenv("DO_NOT_TRACK", "1")
    loader = Loader(work, database)
    ok, output = loader.load(BASE)
    assert ok, output[-3000:]
    with duckdb.connect(str(database)) as con:
        con.sql("create table main.kpis as select 'aov' as kpi_name, 25.0 as value")
    return {"loader": loader, "work": work, "before": database_fingerprint(database)}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def scenario_copy(work: Path, name: str) -> Path:
    root = work / "cases" / name
    shutil.copytree(BASE, root)
    # The valid change a non-atomic loader would publish before meeting the defect.
    set_cell("ads/ad_performance.csv", 2, "spend", "31.00")(root)
    return root


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_defective_input_fails_clearly_and_changes_nothing(loaded, case):
    root = scenario_copy(loaded["work"], case.name)
    case.mutate(root)
    ok, output = loaded["loader"].load(root)
    assert not ok, f"{case.name} loaded without error:\n{output[-2000:]}"
    assert "nothing loaded, previous raw tables unchanged" in output
    for fragment in case.expected:
        assert fragment in output, f"{case.name}: {fragment!r} not in:\n{output[-2000:]}"
    assert database_fingerprint(loaded["loader"].database) == loaded["before"]


def test_corpus_has_at_least_25_cases():
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


def test_readme_lists_every_case():
    readme = (REPO / "README.md").read_text()
    missing = [case.name for case in CASES if f"`{case.name}`" not in readme]
    assert not missing, f"README 'Loading your data safely' table lacks: {missing}"


def test_header_only_file_and_absent_optional_column_load(loaded):
    """Runs after the failing cases (file order): a good load replaces every raw table together."""
    root = scenario_copy(loaded["work"], "good_with_gaps")
    header = (root / "shop/product_reviews.csv").read_text().splitlines()[0]
    (root / "shop/product_reviews.csv").write_text(header + "\n")
    drop_column("shop/sellers.csv", "shop_name")(root)
    ok, output = loaded["loader"].load(root)
    assert ok, output[-3000:]
    assert "optional column 'shop_name' is absent" in output
    with duckdb.connect(str(loaded["loader"].database), read_only=True) as con:
        assert con.sql("select count(*) from raw_shop.product_reviews").fetchone()[0] == 0
        assert con.sql("select count(*), count(shop_name) from raw_shop.sellers").fetchone() == (4, 0)
        assert con.sql("select spend from raw_ads.ad_performance where report_date = '2023-12-28'").fetchone()[0] == 31
        assert con.sql("select count(*) from main.kpis").fetchone()[0] == 1


def test_hostile_paths_and_vars_stay_data(loaded):
    """Folders named o'brien and with SQL in their name load; hostile vars neither break nor run SQL."""
    loader = loaded["loader"]
    for folder in ("o'brien", "x'); create table main.pwned as select 1; --"):
        root = loaded["work"] / "hostile" / folder
        shutil.copytree(BASE, root)
        ok, output = loader.load(root)
        assert ok, output[-3000:]
    with duckdb.connect(str(loader.database), read_only=True) as con:
        tables = {row[0] for row in con.sql("select table_name from information_schema.tables").fetchall()}
        assert "pwned" not in tables
        assert con.sql("select count(*) from main.kpis").fetchone()[0] == 1
        assert con.sql(f'select count(*) from "{HOSTILE_SCHEMA}".users').fetchone()[0] == 3
    # The models read the hostile schema and compare with the hostile activation_event as data.
    ok, output = loader.invoke("run", "--select", "int_users_activated", "stg_product__users", "stg_product__events")
    assert ok, output[-3000:]
    with duckdb.connect(str(loader.database), read_only=True) as con:
        assert con.sql("select count(*) from main.kpis").fetchone()[0] == 1
        assert con.sql("select count(*) from int_users_activated").fetchone()[0] == 3


def test_missing_files_give_empty_tables_with_the_declared_columns(loaded):
    """fixtures/ecommerce has no media folder: its tables exist, empty, typed as declared."""
    with duckdb.connect(str(loaded["loader"].database), read_only=True) as con:
        columns = con.sql("describe raw_media.social_mentions").fetchall()
        assert [(c[0], c[1]) for c in columns][:3] == [
            ("mention_id", "VARCHAR"),
            ("platform", "VARCHAR"),
            ("posted_at", "TIMESTAMP WITH TIME ZONE"),
        ]
        assert con.sql("select count(*) from raw_media.social_mentions").fetchone()[0] == 0


def test_null_key_and_unknown_enum_fail_the_source_tests_naming_table_and_column(loaded):
    """Runs last (file order): it loads other data. Values that load but break the contract fail
    the source's column checks: the test's name carries the table, its report the column."""
    root = loaded["work"] / "contract" / "raw"
    (root / "media").mkdir(parents=True)
    (root / "media" / "press_mentions.csv").write_text(
        "mention_id,published_at,outlet,headline,sentiment\n"
        ",2024-01-05T08:00:00Z,Daily Ledger,No id,positive\n"
        "pm2,2024-01-06T08:00:00Z,Metro Post,Odd tone,ecstatic\n"
    )
    ok, output = loaded["loader"].load(root)
    assert ok, output[-3000:]
    ok, output = loaded["loader"].invoke("build", "--select", "source:media.press_mentions")
    assert not ok
    failures = [line for line in output.splitlines() if "FAIL" in line]
    assert any("source_column_checks_media__press_mentions" in line for line in failures), failures
    assert "source media.press_mentions, column mention_id: 1 row null" in output, output[-3000:]
    assert "source media.press_mentions, column sentiment: 1 row not accepted" in output, output[-3000:]
