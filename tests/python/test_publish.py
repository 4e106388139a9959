"""scripts/publish.py: a build is published only when it passed, atomically, without disturbing readers."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from .conftest import REPO, clean_env

sys.path.insert(0, str(REPO / "scripts"))

from publish import split_parse_flags

# A small build keeps the test cheap; the swap does not depend on what was built.
SELECTION = ["--select", "stg_helpdesk__tickets", "stg_helpdesk__ticket_status_events"]


def publish_command(tmp_path, data, published, *build_args) -> list[str]:
    return [
        sys.executable,
        str(REPO / "scripts" / "publish.py"),
        "--data",
        str(data),
        "--database",
        str(published),
        "--work-dir",
        str(tmp_path / "runs"),
        "--artifacts-dir",
        str(tmp_path / "artifacts"),
        "--",
        *SELECTION,
        *build_args,
    ]


def publish(tmp_path, data, published, *build_args):
    return subprocess.run(
        publish_command(tmp_path, data, published, *build_args), env=clean_env(), capture_output=True, text=True
    )


def publish_killed_during_build(tmp_path, data, published) -> None:
    """Starts a publish and kills it (SIGKILL, the whole process group) while `dbt build` runs."""
    process = subprocess.Popen(
        publish_command(tmp_path, data, published),
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    seen = []
    for line in process.stdout:
        seen.append(line)
        if line.startswith("+ dbt build"):
            time.sleep(3)  # into dbt's parse or build, after the load wrote the new file
            os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "".join(seen)[-3000:]


def file_hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def support_data(tmp_path, name, extra_lines=None):
    """A copy of the support fixture with lines appended to some of its CSVs."""
    data = tmp_path / name
    shutil.copytree(REPO / "fixtures" / "support", data)
    for table, lines in (extra_lines or {}).items():
        with (data / "helpdesk" / f"{table}.csv").open("a") as csv:
            csv.write("".join(line + "\n" for line in lines))
    return data


def ticket_count(connection) -> int:
    return connection.sql("select count(*) from main.stg_helpdesk__tickets").fetchone()[0]


def counts_in_new_process(database) -> list[int]:
    """A fresh connection from another process (in this one DuckDB would reuse the open instance)."""
    script = (
        "import duckdb, sys\n"
        "with duckdb.connect(sys.argv[1], read_only=True) as connection:\n"
        "    for view in ('stg_helpdesk__tickets', 'stg_helpdesk__ticket_status_events'):\n"
        "        print(connection.sql(f'select count(*) from main.{view}').fetchone()[0])\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(database)], capture_output=True, text=True, check=True)
    return [int(line) for line in result.stdout.split()]


def test_publish_swaps_only_green_builds_and_never_disturbs_a_reader(tmp_path):
    published = tmp_path / "bi" / "kpi101.duckdb"
    first = publish(tmp_path, support_data(tmp_path, "v1"), published)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert (tmp_path / "artifacts" / "manifest.json").exists()
    reader = duckdb.connect(str(published), read_only=True)
    old_tickets = ticket_count(reader)
    old_events = reader.sql("select count(*) from main.stg_helpdesk__ticket_status_events").fetchone()[0]

    # A rebuild with one more ticket succeeds while the reader holds the file open.
    new_ticket = "T99,C0000099,email,billing,2024-03-01T10:00:00+00:00,customer,C0000099"
    second = publish(tmp_path, support_data(tmp_path, "v2", {"tickets": [new_ticket]}), published)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert ticket_count(reader) == old_tickets, "the open connection must keep reading the build it opened"
    # A new connection (another process, as a BI tool would be) reads the new build, and the
    # views, bound to the catalog name that the swap keeps, still resolve.
    assert counts_in_new_process(published) == [old_tickets + 1, old_events]
    reader.close()
    good_hash = file_hash(published)

    # A publish killed while dbt builds leaves it byte-identical too; the next run says where the
    # interrupted build's files are.
    publish_killed_during_build(tmp_path, support_data(tmp_path, "killed"), published)
    assert file_hash(published) == good_hash
    assert not published.with_name("kpi101.duckdb.wal").exists()

    # A load that fails (a column the contract does not declare) leaves it byte-identical.
    bad_header = support_data(tmp_path, "v3")
    tickets = bad_header / "helpdesk" / "tickets.csv"
    tickets.write_text(tickets.read_text().replace("created_by_id\n", "created_by_id,undeclared\n", 1))
    failed_load = publish(tmp_path, bad_header, published)
    assert failed_load.returncode != 0
    assert "loading the raw data failed" in failed_load.stderr
    assert "an earlier run was interrupted; its files are kept in" in failed_load.stdout
    assert file_hash(published) == good_hash

    # So does a build that fails (a quarantine rule set as an error); its file is kept and named.
    early_event = "S999,T1,open,1,2024-01-01T00:00:00+00:00"
    defective = support_data(tmp_path, "v4", {"ticket_status_events": [early_event]})
    failed_build = publish(tmp_path, defective, published, "--vars", "{quarantine_errors: [event_before_created]}")
    assert failed_build.returncode != 0
    assert "event_before_created: 1 row(s), keys S999" in failed_build.stdout
    assert f"the published database {published} is unchanged" in failed_build.stderr
    kept = Path(failed_build.stderr.split("kept for inspection in ")[1].split()[0])
    assert kept.parent.parent == (tmp_path / "runs").resolve()
    with duckdb.connect(str(kept), read_only=True) as inspection:
        raw_keys = inspection.sql("select event_id from raw_helpdesk.ticket_status_events").fetchall()
    assert ("S999",) in raw_keys
    assert file_hash(published) == good_hash
    assert not published.with_name("kpi101.duckdb.wal").exists()


def test_flags_that_change_the_parse_go_to_every_step():
    build_args = ["--select", "+support_kpis", "--vars", "{quarantine_errors: all}", "--target=dev", "--full-refresh"]
    assert split_parse_flags(build_args) == (
        ["--vars", "{quarantine_errors: all}", "--target=dev"],
        ["--select", "+support_kpis", "--full-refresh"],
    )
    assert split_parse_flags(["--threads", "2"]) == ([], ["--threads", "2"])
