"""The fixture scenarios on a local Spark session (make test-spark).

Installs Java 17 (the Debian package openjdk-17-jre-headless, with apt-get, when ``java`` is
missing and this runs as root), then runs scripts/run_fixtures.py on the ``fixtures_spark``
target: dbt-spark's ``session`` method starts Spark inside this process (local[2], one shuffle
partition, time zone UTC), each scenario is loaded with load_raw_tables and its marts must equal
the same expected seeds as on DuckDB. The warehouse and Spark's scratch files live in a
temporary folder, removed at exit, also when a scenario fails or the run is interrupted.
make test-spark installs requirements-spark.txt (dbt-spark, pyspark) into the venv first.

    python scripts/test_spark.py              # every scenario, then the corpus cases
    python scripts/test_spark.py revenue hr   # only these
    python scripts/test_spark.py loader_corpus   # the loader's unreadable-file and bad-value cases
    python scripts/test_spark.py --quiet --marts-only hr   # run_fixtures options pass through
        # (make spark-in-test: one scenario, only the comparisons with the expected seeds)
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import debian_package
import run_fixtures
from loader_corpus import run_loader_corpus

JAVA_PACKAGE = "openjdk-17-jre-headless"

# The corpus's DuckDB reader messages and the Spark loader's for the same defects (Spark's csv
# reader tells a malformed line, not how many fields it found).
SPARK_READER_MESSAGES = {
    "Expected Number of Columns: 11 Found: 12": "Expected Number of Columns: 11,",
    "Expected Number of Columns: 5 Found: 4": "Expected Number of Columns: 5,",
    "unterminated quote": "Expected Number of Columns",
    "not utf-8 encoded": "not utf-8 encoded",
    # Spark's one timestamp type (session time zone UTC) holds the timestamptz columns.
    "1 value(s) are not a valid timestamptz": "1 value(s) are not a valid timestamp",
}
# The corpus cases Spark cannot pass as the other engines do, and why (README, Spark, "What differs").
SPARK_CORPUS_SKIPPED = {
    "empty_file": "Spark's file sources leave out zero-byte files (SPARK-26161), so an empty file reads as an "
    "absent one: its table is loaded empty, with the loader's 'no file' notice",
    "folder_missing": "Spark's file listing fails with its own PATH_NOT_FOUND error before the loader can "
    "word it, and Jinja cannot look at the driver's file system first",
    "folder_without_declared_files": "a root with no file one folder down makes the same listing fail "
    "with PATH_NOT_FOUND (a glob that matches nothing is an error on Spark)",
}


def ensure_java() -> None:
    if shutil.which("java"):
        return
    debian_package.install(JAVA_PACKAGE)
    if not shutil.which("java"):
        raise SystemExit(f"{JAVA_PACKAGE} is installed but java is not on PATH")


def raw_tables_fingerprint() -> dict[str, list]:
    """Every raw table's rows: a failed load must leave all of them as they were."""
    from pyspark.sql import SparkSession

    session = SparkSession.getActiveSession()
    fingerprint = {}
    for (database,) in session.sql("show databases").collect():
        if database.startswith("raw_"):
            for table in session.sql(f"show tables in `{database}`").collect():
                if table.isTemporary:  # show tables lists the session's temporary views too
                    continue
                rows = session.table(f"`{database}`.`{table.tableName}`").collect()
                fingerprint[f"{database}.{table.tableName}"] = sorted(repr(row) for row in rows)
    return fingerprint


def loader_corpus() -> list[str]:
    """Some of the loader's bad-input corpus on Spark; returns the failed cases."""
    sys.path.insert(0, str(run_fixtures.ROOT))
    from tests.python.test_loader_corpus import CASES

    run_fixtures.TARGET = "fixtures_spark"
    load_dir = Path(os.environ["KPI101_SPARK_DIR"]) / "corpus"
    for name, reason in SPARK_CORPUS_SKIPPED.items():
        print(f"loader corpus {name}: not run on Spark: {reason}", flush=True)
    return run_loader_corpus(
        "Spark",
        load_dir,
        raw_tables_fingerprint,
        SPARK_READER_MESSAGES,
        case_names={case.name for case in CASES} - set(SPARK_CORPUS_SKIPPED),
        report_each=True,
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # SIGTERM (a CI timeout, kill) unwinds like Ctrl-C, so the folder is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    ensure_java()
    folder = Path(tempfile.mkdtemp(prefix="kpi101-spark-"))
    try:
        os.environ["KPI101_SPARK_DIR"] = str(folder)
        # Spark's own warnings (one per window without partition, per reused session) drown dbt's output.
        (folder / "log4j2.properties").write_text(
            "rootLogger.level = error\nrootLogger.appenderRef.stderr.ref = console\n"
            "appender.console.type = Console\nappender.console.name = console\n"
            "appender.console.target = SYSTEM_ERR\nappender.console.layout.type = PatternLayout\n"
            "appender.console.layout.pattern = %d{HH:mm:ss} spark %p %c{1}: %m%n\n"
        )
        os.environ["SPARK_CONF_DIR"] = str(folder)
        os.environ.setdefault("KPI101_SPARK_SCHEMA", "kpi101")
        # On fixture-sized data the JVM's optimising compiler and parallel collector threads cost
        # more CPU than they save (hr, marts only: 101 CPU-s instead of 178).
        os.environ.setdefault("KPI101_SPARK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        if argv == ["loader_corpus"]:
            result = 1 if loader_corpus() else 0
        else:
            result = run_fixtures.main(["--target", "fixtures_spark", *argv])
            if not argv and loader_corpus():
                result = 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"make test-spark: {time.monotonic() - started:.0f}s", flush=True)
    return result


if __name__ == "__main__":
    sys.exit(main())
