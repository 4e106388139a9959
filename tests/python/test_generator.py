"""The demo-data generator: deterministic, linear in scale, clear about bad arguments."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from .conftest import REPO

GENERATOR = REPO / "scripts" / "generate_demo_data.py"


def generate(out, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), "--no-progress", *args],
        capture_output=True,
        text=True,
    )


def table_bytes(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.csv"))}


# Half the company over a year: every table still has rows, at an eighth of the demo's cost.
SMALL = ["--scale", "0.5", "--months", "12"]


def test_same_seed_gives_identical_files(tmp_path):
    assert generate(tmp_path / "a", "--seed", "7", *SMALL).returncode == 0
    assert generate(tmp_path / "b", "--seed", "7", *SMALL).returncode == 0
    first, second = table_bytes(tmp_path / "a"), table_bytes(tmp_path / "b")
    assert first and first == second


def test_files_do_not_depend_on_the_number_of_processes(tmp_path):
    # One process runs the modules in turn on one shared company; three processes split them
    # differently and finish in whatever order the machine allows.
    small = ["--seed", "11", "--scale", "0.5", "--months", "12"]
    serial = generate(tmp_path / "serial", *small, "--jobs", "1")
    parallel = generate(tmp_path / "parallel", *small, "--jobs", "3")
    assert serial.returncode == 0, serial.stderr
    assert parallel.returncode == 0, parallel.stderr
    assert "jobs 1" in serial.stdout and "jobs 3" in parallel.stdout
    first, second = table_bytes(tmp_path / "serial"), table_bytes(tmp_path / "parallel")
    tables = json.loads((tmp_path / "serial" / "_manifest.json").read_text())["tables"]
    assert len(first) == len(tables) > 50 and first == second
    assert (tmp_path / "serial" / "_manifest.json").read_bytes() == (
        tmp_path / "parallel" / "_manifest.json"
    ).read_bytes()


def test_other_seed_gives_other_data(tmp_path):
    generate(tmp_path / "a", "--seed", "1", *SMALL)
    generate(tmp_path / "b", "--seed", "2", *SMALL)
    assert table_bytes(tmp_path / "a") != table_bytes(tmp_path / "b")


def test_rows_grow_linearly_with_scale(tmp_path):
    generate(tmp_path / "s1", "--scale", "0.5", "--months", "12")
    generate(tmp_path / "s4", "--scale", "2", "--months", "12")
    small = json.loads((tmp_path / "s1" / "_manifest.json").read_text())["tables"]
    large = json.loads((tmp_path / "s4" / "_manifest.json").read_text())["tables"]
    assert small.keys() == large.keys()
    ratio = sum(large.values()) / sum(small.values())
    assert 3.5 < ratio < 4.5, ratio


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scale", "0"], "--scale must be greater than 0"),
        (["--scale", "big"], "--scale must be a number"),
        (["--start", "2023-01-15"], "--start must be the first day of a month"),
        (["--months", "0"], "--months must be a whole number"),
        (["--jobs", "0"], "--jobs must be a whole number"),
    ],
)
def test_bad_arguments_fail_with_a_clear_message(tmp_path, args, message):
    result = generate(tmp_path / "out", *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_refuses_to_overwrite_a_foreign_folder(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    result = generate(tmp_path)
    assert result.returncode != 0
    assert "is not empty" in result.stderr + result.stdout
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_a_failing_source_system_fails_the_run(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    generator = importlib.import_module("generate_demo_data")
    media = importlib.import_module("kpi101_demo.media")

    def broken(company, writer):
        raise RuntimeError("the media export broke")

    monkeypatch.setattr(media, "generate", broken)  # forked workers inherit the broken module
    with pytest.raises(RuntimeError, match="the media export broke"):
        generator.main(["--scale", "0.2", "--months", "3", "--out", str(tmp_path / "out"), "--jobs", "2"])


def test_bulk_writer_writes_what_the_row_writer_writes(tmp_path, monkeypatch):
    """The big tables go through DuckDB (write_frame), which repeats rows as asked; their files
    must read like those of the csv row writer: quoting, empty fields for nulls, ISO times with
    the local offset, booleans, one header, repeated rows next to each other."""
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    np = pytest.importorskip("numpy")
    datetime = importlib.import_module("datetime")
    writer_module = importlib.import_module("kpi101_demo.writer")
    writer = writer_module.TableWriter(tmp_path)
    columns = ["id", "label", "user_id", "at", "flag"]
    zone = [datetime.timezone(datetime.timedelta(minutes=m)) for m in (-300, 330, 0)]
    writer.write(
        "rows",
        "t",
        columns,
        [
            ("X001", "a,b", None, datetime.datetime(2022, 12, 31, 19, 0, tzinfo=zone[0]), True),
            ("X002", ' say "hi" ', "U0000042", datetime.datetime(2023, 1, 1, 5, 30, 59, tzinfo=zone[1]), False),
            ("X003", None, None, datetime.datetime(2024, 2, 29, 23, 59, 59, tzinfo=zone[2]), None),
        ],
    )
    midnight_2023 = 1_672_531_200  # 2023-01-01T00:00:00 UTC
    arrays = {
        "number": np.array([1, 2, 3]),
        "label": np.array([0, 1, -1]),
        "user": np.array([-1, 42, -1]),
        "moment": np.array([midnight_2023, midnight_2023 + 59, 1_709_251_199]),
        "zone": np.array([-300, 330, 0]),
        "flag": np.array([1, 0, -1]),
    }
    writer.write_frame(
        "frames",
        "t",
        columns,
        arrays,
        [
            writer_module.padded_id("X", "number", 3),
            writer_module.label("label", ["a,b", ' say "hi" ']),
            f"case when user >= 0 then {writer_module.padded_id('U', 'user', 7)} end",
            writer_module.iso_time("moment", "zone"),
            writer_module.label("flag", ["false", "true"]),
        ],
        copies=np.array([1, 2, 1]),  # the export repeats the second row
    )
    with pytest.raises(ValueError, match="columns of different lengths"):
        writer.write_frame("frames", "short", ["id"], {"number": np.array([1, 2, 3])}, ["number"], copies=np.ones(2))
    writer.close()
    expected = (
        "id,label,user_id,at,flag\n"
        'X001,"a,b",,2022-12-31T19:00:00-05:00,true\n'
        'X002," say ""hi"" ",U0000042,2023-01-01T05:30:59+05:30,false\n'
        "X003,,,2024-02-29T23:59:59+00:00,\n"
    )
    assert (tmp_path / "rows" / "t.csv").read_text() == expected
    header, first, second, third = expected.splitlines(keepends=True)
    assert (tmp_path / "frames" / "t.csv").read_text() == header + first + second + second + third
    assert writer.row_counts == {"rows.t": 3, "frames.t": 4}


def test_row_writer_converts_each_value_by_its_own_type(tmp_path, monkeypatch):
    """The row writer converts a batch column by column; a column mixing types still writes
    every value as its own type would, and batches split at PROGRESS_STEP rows."""
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    datetime = importlib.import_module("datetime")
    writer_module = importlib.import_module("kpi101_demo.writer")
    monkeypatch.setattr(writer_module, "PROGRESS_STEP", 2)
    reported = []
    writer = writer_module.TableWriter(tmp_path, report=lambda rows, table: reported.append(rows))
    writer.write(
        "rows",
        "mixed",
        ["mixed", "amount", "day"],
        [
            (1, 0.1 + 0.2, datetime.date(2023, 1, 31)),
            ("x", 2.5, None),
            (1.25, 1 / 3, datetime.date(2024, 2, 29)),
            (True, None, None),
            (None, 7.0, datetime.datetime(2023, 6, 1, 8, 5)),
        ],
    )
    assert (tmp_path / "rows" / "mixed.csv").read_text() == (
        "mixed,amount,day\n1,0.3,2023-01-31\nx,2.5,\n1.25,0.333333,2024-02-29\ntrue,,\n,7.0,2023-06-01T08:05:00\n"
    )
    assert reported == [2, 2, 1]
    with pytest.raises(ValueError, match="row has 2 values for 3 columns"):
        writer.write("rows", "short", ["a", "b", "c"], [(1, 2, 3), (1, 2)])


def test_local_iso_is_the_local_time_with_its_offset(monkeypatch):
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    datetime = importlib.import_module("datetime")
    core = importlib.import_module("kpi101_demo.core")
    utc = datetime.datetime(2023, 1, 1, 3, 0)
    assert core.local_iso(utc, -300) == "2022-12-31T22:00:00-05:00"
    assert core.local_iso(utc, 330) == "2023-01-01T08:30:00+05:30"
    assert core.local_iso(utc, 0) == "2023-01-01T03:00:00+00:00"
    assert core.local_iso(utc.replace(microsecond=250_000), 60) == "2023-01-01T04:00:00.250000+01:00"


def test_source_systems_sharing_a_history_run_in_one_task(monkeypatch):
    """billing.build, accounting.build and ads.performance are drawn once per process, so their
    readers run together; every other source system is a task of its own, each exactly once."""
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    generator = importlib.import_module("generate_demo_data")
    tasks = [[module.SOURCE for module in task] for task in generator.schedule(generator.source_modules())]
    systems = [source for task in tasks for source in task]
    assert len(systems) == len(set(systems)) == len(generator.source_modules()) > 10
    shared = next(task for task in tasks if "billing" in task)
    assert set(shared) == {"billing", "accounting", "ads", "ledger", "bank"}
    assert all(len(task) == 1 for task in tasks if task is not shared)
    assert tasks[0] == ["helpdesk"]


def test_product_analytics_reads_billing_accounts_without_drawing_the_billing_history(tmp_path, monkeypatch):
    """product runs in a task of its own: it reads the billing accounts (customers and trial-only
    ones), never billing.build's drawn history, which only the shared task draws."""
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    core = importlib.import_module("kpi101_demo.core")
    billing = importlib.import_module("kpi101_demo.billing")
    product = importlib.import_module("kpi101_demo.product")
    writer_module = importlib.import_module("kpi101_demo.writer")

    def not_here(company):
        raise AssertionError("product drew the billing history")

    monkeypatch.setattr(billing, "build", not_here)
    company = core.Company(scale=0.2, months=3)
    writer = writer_module.TableWriter(tmp_path)
    product.generate(company, writer)
    writer.close()
    accounts = {line.split(",")[1] for line in (tmp_path / "product" / "users.csv").read_text().splitlines()[1:]}
    trial_accounts = {account.customer_id for account in billing.trial_only_users(company).values()}
    assert trial_accounts and trial_accounts <= accounts
    assert {customer.customer_id for customer in company.customers} <= accounts


def test_padded_ids_keep_every_digit(monkeypatch):
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    duckdb = pytest.importorskip("duckdb")
    writer_module = importlib.import_module("kpi101_demo.writer")
    ids = [writer_module.padded_id("V", "42", 9), writer_module.padded_id("L", "12345678", 7)]
    assert duckdb.sql(f"select {', '.join(ids)}").fetchall() == [("V000000042", "L12345678")]


def test_numpy_text_writer_writes_what_the_row_writer_writes(tmp_path, monkeypatch):
    """write_text (numpy formatting, csvtext) writes what the csv row writer writes for the same
    rows: quoting, empty fields for nulls, ISO times with the local offset, booleans, repeated
    rows next to each other; and the same across its batches (two rows each here)."""
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    np = pytest.importorskip("numpy")
    datetime = importlib.import_module("datetime")
    writer_module = importlib.import_module("kpi101_demo.writer")
    text = importlib.import_module("kpi101_demo.csvtext")
    monkeypatch.setattr(writer_module, "TEXT_BATCH", 2)
    reported = []
    writer = writer_module.TableWriter(tmp_path, report=lambda rows, table: reported.append(rows))
    columns = ["id", "label", "user_id", "at", "flag", "count", "visit"]
    zone = [datetime.timezone(datetime.timedelta(minutes=m)) for m in (-300, 330, 0, -480)]
    rows = [
        ("X001", "a,b", None, datetime.datetime(2022, 12, 31, 19, 0, tzinfo=zone[0]), True, 0, "S01-1"),
        ("X002", ' say "hi" ', "U0000042", datetime.datetime(2023, 1, 1, 5, 30, 59, tzinfo=zone[1]), False, 9, None),
        ("X003", None, "E000007", datetime.datetime(2024, 2, 29, 23, 59, 59, tzinfo=zone[2]), None, None, "S03-10"),
        ("X004", "a,b", None, None, True, 123456, "S04-7"),
        ("X005", "line\nbreak", "U1234567", datetime.datetime(2024, 3, 1, 0, 0, 0, tzinfo=zone[3]), False, 10, None),
    ]
    writer.write("rows", "t", columns, rows)
    midnight_2023 = 1_672_531_200  # 2023-01-01T00:00:00 UTC
    arrays = {
        "number": np.arange(1, 6),
        "label": np.array([0, 1, -1, 0, 2]),
        "kind": np.array([2, 0, 1, 0, 0]),  # 0: a user, 1: an employee, else none
        "person": np.array([5, 42, 7, -1, 1_234_567]),
        "moment": np.array([midnight_2023, midnight_2023 + 59, 1_709_251_199, -1, 1_709_280_000]),
        "zone": np.array([-300, 330, 0, 0, -480]),
        "flag": np.array([1, 0, -1, 1, 0]),
        "count": np.array([0, 9, -1, 123456, 10]),
        "session": np.array([1, -1, 3, 4, -1]),
        "page": np.array([1, 1, 10, 7, 2]),
    }
    fields = [
        text.padded_id("X", "number", 3),
        text.label("label", ["a,b", ' say "hi" ', "line\nbreak"]),
        text.one_of("kind", [text.padded_id("U", "person", 7), text.padded_id("E", "person", 6)]),
        text.iso_time("moment", "zone"),
        text.boolean("flag"),
        text.integer("count"),
        text.concatenated(text.padded_id("S", "session", 2), text.literal("-"), text.integer("page")),
    ]
    writer.write_text("frames", "t", columns, arrays, fields, copies=np.array([1, 2, 1, 1, 3]))
    with pytest.raises(ValueError, match="columns of different lengths"):
        writer.write_text("frames", "short", ["id"], {"number": np.array([1, 2, 3])}, fields[:1], copies=np.ones(2))
    with pytest.raises(ValueError, match="exceeds 3 digits"):
        writer.write_text("frames", "long", ["id"], {"number": np.array([999, 1000])}, fields[:1])
    header, *lines = (tmp_path / "rows" / "t.csv").read_text().splitlines(keepends=True)
    # a quoted line break splits a row into two lines of text; rejoin them
    lines = [*lines[:4], "".join(lines[4:])]
    repeated = [lines[0], lines[1], lines[1], lines[2], lines[3], lines[4], lines[4], lines[4]]
    assert (tmp_path / "frames" / "t.csv").read_text() == header + "".join(repeated)
    assert writer.row_counts["frames.t"] == 8
    assert reported[-3:] == [3, 2, 3]  # the batches of two rows, with their copies


def test_numpy_times_and_numbers_read_as_python_writes_them(monkeypatch):
    """csvtext's lookup tables against Python's own formatting, over random values spanning
    years, every offset the exports use, and numbers of every width."""
    monkeypatch.syspath_prepend(str(GENERATOR.parent))
    np = pytest.importorskip("numpy")
    datetime = importlib.import_module("datetime")
    core = importlib.import_module("kpi101_demo.core")
    text = importlib.import_module("kpi101_demo.csvtext")
    rng = np.random.default_rng(7)
    seconds = rng.integers(946_684_800, 2_524_608_000, 2000)  # 2000 to 2050
    zone = rng.choice([-720, -480, -300, -180, 0, 60, 330, 345, 540, 600, 840], 2000)
    numbers = rng.integers(0, 10**9, 2000) // 10 ** rng.integers(0, 9, 2000)

    def values(column, frame) -> list[str]:
        field = column(frame)
        widths = field.lengths if field.lengths is not None else [field.width] * len(field.matrix)
        return [bytes(row[:width]).decode() for row, width in zip(field.matrix, widths, strict=True)]

    epoch = datetime.datetime(1970, 1, 1)
    moments = [epoch + datetime.timedelta(seconds=int(s)) for s in seconds]
    expected = [core.local_iso(moment, int(z)) for moment, z in zip(moments, zone, strict=True)]
    assert values(text.iso_time("at", "zone"), {"at": seconds, "zone": zone}) == expected
    utc = [(epoch + datetime.timedelta(seconds=int(s))).isoformat() + "+00:00" for s in seconds]
    assert values(text.iso_time("at"), {"at": seconds}) == utc
    assert values(text.integer("n"), {"n": numbers}) == [str(n) for n in numbers]
    assert values(text.padded_id("EV", "n", 9), {"n": numbers}) == [f"EV{n:09d}" for n in numbers]
