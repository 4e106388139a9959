"""Shared fixtures: paths, and one fresh-copy quick start reused by the tests that need a build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DBT = Path(os.environ.get("KPI101_DBT", Path(sys.executable).parent / "dbt"))


def committed_files() -> list[str]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, text=True)
    return [name for name in listing.stdout.split("\0") if name]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KPI101_", "DBT_", "VIRTUAL_ENV", "MAKE"))}
    env.update(DO_NOT_TRACK="1", **extra)
    return env


def dbt_flags(tmp_path: Path) -> list[str]:
    """dbt's flags for this repository, with target and logs kept under tmp_path."""
    return [
        "--project-dir",
        str(REPO),
        "--profiles-dir",
        str(REPO / "profiles"),
        "--target-path",
        str(tmp_path / "target"),
        "--log-path",
        str(tmp_path / "logs"),
    ]


def run_dbt(tmp_path: Path, database: Path, *args: str) -> subprocess.CompletedProcess:
    """dbt on this repository against `database`, with target and logs kept under tmp_path."""
    return subprocess.run(
        [str(DBT), *args, *dbt_flags(tmp_path)],
        env=clean_env(KPI101_DUCKDB_PATH=str(database)),
        capture_output=True,
        text=True,
    )


def modules_using_the_quick_start() -> set[str]:
    here = Path(__file__).parent
    return {path.relative_to(REPO).as_posix() for path in here.glob("test_*.py") if "quick_start" in path.read_text()}


def pytest_xdist_make_scheduler(config, log):
    """Under xdist (make test) a worker takes whole groups, so expensive fixtures are built once:
    every module that uses the `make run` build (quick_start) in one group, the others by module.
    (xdist's own --dist loadgroup marks do not take effect with pytest 9.)"""
    from xdist.scheduler import LoadScopeScheduling

    quick_start_modules = modules_using_the_quick_start()

    class QuickStartTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return "quick_start" if module in quick_start_modules else module

    return QuickStartTogether(config, log)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def quick_start(tmp_path_factory) -> dict:
    """Copies the repository's tracked files to an empty folder and runs `make run` there.

    The copy uses this test run's virtualenv (its requirements are the copy's): creating one more
    would repeat `make test`'s own setup step, which CI runs from nothing on a clean checkout."""
    copy = tmp_path_factory.mktemp("fresh") / "kpi101"
    for name in committed_files():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    started = time.monotonic()
    result = subprocess.run(
        ["make", "run", f"PYTHON={sys.executable}", f"VENV={Path(sys.executable).parent.parent}"],
        cwd=copy,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return {
        "dir": copy,
        "result": result,
        "seconds": time.monotonic() - started,
        "database": copy / "kpi101.duckdb",
    }
