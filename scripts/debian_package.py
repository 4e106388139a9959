"""Installs a Debian package with apt-get, one install at a time.

make test runs its lanes side by side, and more than one may need a package (PostgreSQL's server,
Java for Spark, chromium for the report): apt-get and dpkg refuse to run twice at once, so every
install here, and scripts/ensure_chromium.sh, waits for the same lock file first.
"""

from __future__ import annotations

import fcntl
import os
import subprocess

LOCK_FILE = "/tmp/kpi101-apt.lock"


def install(package: str) -> None:
    if os.geteuid() != 0:
        raise SystemExit(f"{package} is not installed; run: sudo apt-get install {package}")
    with open(LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        print(f"installing the Debian package {package} ...", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
