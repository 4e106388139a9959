"""The fixture scenarios on a throwaway PostgreSQL server (make test-postgres).

Starts a PostgreSQL server of the Debian package (installed with apt-get when missing and
this runs as root) in a temporary folder: data directory, Unix socket and log there, TCP on
a free loopback port, a random password, time zone UTC. Then runs scripts/run_fixtures.py
on the ``fixtures_postgres`` target, so each scenario is loaded and its marts must equal the
same expected seeds as on DuckDB, then the loader's bad-input corpus
(tests/python/test_loader_corpus.py): every defect must fail the load with its message and
leave every raw table unchanged. The server is stopped and the folder removed at exit, also
when a scenario fails or the run is interrupted.

    python scripts/test_postgres.py              # every scenario
    python scripts/test_postgres.py hr support   # only these scenarios, no corpus
    python scripts/test_postgres.py loader_corpus   # only the corpus
    # as make test runs it (postgres-in-test):
    python scripts/test_postgres.py --quiet --marts-only ecommerce hr marketing revenue sales_mobile support

Options starting with -- go to scripts/run_fixtures.py.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import debian_package
import run_fixtures
from loader_corpus import run_loader_corpus

SYSTEM_USER = "postgres"

# The corpus's DuckDB reader messages and PostgreSQL's COPY messages for the same defects.
POSTGRES_READER_MESSAGES = {
    "Expected Number of Columns: 11 Found: 12": "extra data after last expected column",
    "Expected Number of Columns: 5 Found: 4": "missing data for column",
    "unterminated quote": "unterminated CSV quoted field",
    "not utf-8 encoded": "invalid byte sequence for encoding",
}


def postgres_bin_dir() -> Path:
    """The server binaries of the newest installed major version, installing the package if needed."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if versions:
        return versions[-1].parent
    debian_package.install("postgresql")
    return postgres_bin_dir()


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_server_user(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server's commands as the postgres system user."""
    return ["runuser", "-u", SYSTEM_USER, "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def throwaway_server():
    """Yields the environment variables of the profile's fixtures_postgres target."""
    bin_dir = postgres_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="kpi101-postgres-"))
    data, log = folder / "data", folder / "server.log"
    password = secrets.token_hex(16)
    started = False
    try:
        folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(folder, user=SYSTEM_USER)
        password_file = folder / "password"
        password_file.write_text(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(password_file, user=SYSTEM_USER)
        initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--pwfile", str(password_file)]
        initdb += ["--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", "--no-locale"]
        subprocess.run(as_server_user(initdb), check=True, stdout=subprocess.DEVNULL)
        password_file.unlink()
        port = free_loopback_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c timezone=UTC"
        # A scratch server: durability buys nothing, skipping it saves time.
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]
        started = True
        subprocess.run(as_server_user(pg_ctl), check=True, stdout=subprocess.DEVNULL)
        createdb = [str(bin_dir / "createdb"), "-h", str(folder), "-p", str(port), "-U", "postgres", "kpi101"]
        subprocess.run(as_server_user(createdb), check=True)
        load_dir = folder / "inputs"
        load_dir.mkdir()
        load_dir.chmod(0o755)
        yield {
            "KPI101_PG_HOST": "127.0.0.1",
            "KPI101_PG_PORT": str(port),
            "KPI101_PG_USER": "postgres",
            "KPI101_PG_PASSWORD": password,
            "KPI101_PG_DBNAME": "kpi101",
            "KPI101_PG_SCHEMA": "public",
            "KPI101_PG_LOAD_DIR": str(load_dir),
            "PGTZ": "UTC",
        }
    finally:
        if started:
            stop = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(as_server_user(stop), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


def raw_tables_fingerprint() -> dict[str, str]:
    """Every raw table's rows, hashed: a failed load must leave all of them as they were."""
    connection = run_fixtures.postgres_connection()
    fingerprint = {}
    with connection, connection.cursor() as cursor:
        cursor.execute(
            "select table_schema, table_name from information_schema.tables where table_schema like 'raw\\_%'"
        )
        for schema, table in sorted(cursor.fetchall()):
            rows_hash = "md5(coalesce(string_agg(t::text, chr(10) order by t::text), ''))"
            cursor.execute(f'select count(*), {rows_hash} from "{schema}"."{table}" as t')
            fingerprint[f"{schema}.{table}"] = str(cursor.fetchone())
    connection.close()
    return fingerprint


def loader_corpus() -> list[str]:
    """The loader's bad-input corpus on PostgreSQL; returns the failed cases."""

    def server_readable(root: Path) -> None:
        for path in [root, *root.rglob("*")] if root.exists() else []:
            path.chmod(0o755 if path.is_dir() else 0o644)

    load_dir = Path(os.environ["KPI101_PG_LOAD_DIR"]) / "corpus"
    return run_loader_corpus(
        "PostgreSQL", load_dir, raw_tables_fingerprint, POSTGRES_READER_MESSAGES, prepare_root=server_readable
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # SIGTERM (a CI timeout, kill) unwinds like Ctrl-C, so the server is stopped and removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    with throwaway_server() as environment:
        os.environ.update(environment)
        scenarios = [arg for arg in argv if not arg.startswith("--")]
        if scenarios == ["loader_corpus"]:
            run_fixtures.TARGET = "fixtures_postgres"
            result = 1 if loader_corpus() else 0
        else:
            result = run_fixtures.main(["--target", "fixtures_postgres", *argv])
            if not scenarios and loader_corpus():
                result = 1
    print(f"make test-postgres: {time.monotonic() - started:.0f}s", flush=True)
    return result


if __name__ == "__main__":
    sys.exit(main())
