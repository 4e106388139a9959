"""The fixture scenarios on a local Spark session (make test-spark).

Installs Java 17 (the Debian package openjdk-17-jre-headless, with apt-get, when ``java`` is
missing and this runs as root), then runs scripts/run_fixtures.py on the ``fixtures_spark``
target: dbt-spark's ``session`` method starts Spark inside this process (local[2], one shuffle
partition, time zone UTC), each scenario is loaded with load_raw_tables and its marts must equal
the same expected seeds as on DuckDB. The warehouse and Spark's scratch files live in a
temporary folder, removed at exit, also when a scenario fails or the run is interrupted.
make test-spark installs requirements-spark.txt (dbt-spark, pyspark) into the venv first.

    python scripts/test_spark.py              # every scenario
    python scripts/test_spark.py revenue hr   # only these
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_fixtures

JAVA_PACKAGE = "openjdk-17-jre-headless"


def ensure_java() -> None:
    if shutil.which("java"):
        return
    if os.geteuid() != 0:
        raise SystemExit(f"Java is not installed; run: sudo apt-get install {JAVA_PACKAGE}")
    print(f"installing the Debian package {JAVA_PACKAGE} ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-qq", JAVA_PACKAGE], check=True, env=env)
    if not shutil.which("java"):
        raise SystemExit(f"{JAVA_PACKAGE} is installed but java is not on PATH")


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
        result = run_fixtures.main(["--target", "fixtures_spark", *argv])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"make test-spark: {time.monotonic() - started:.0f}s", flush=True)
    return result


if __name__ == "__main__":
    sys.exit(main())
