"""DuckDB's memory limit: KPI101_DUCKDB_MEMORY_LIMIT in the profile, the same default in the benchmark floor."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import duckdb
import pytest

from .conftest import REPO, clean_env

sys.path.insert(0, str(REPO / "scripts"))

import benchmark

# Renders the profile as dbt does, without and with KPI101_DUCKDB_MEMORY_LIMIT (set to argv[1]),
# and prints each DuckDB target's settings: one process, one import of dbt.
RENDER_SETTINGS = """
import json, os, sys
from argparse import Namespace
from dbt.config.profile import Profile, read_profile
from dbt.config.renderer import ProfileRenderer
from dbt.flags import set_from_args
from dbt_common.context import set_invocation_context

set_from_args(Namespace(), None)
raw = read_profile("profiles")
rendered = {}
for case, limit in (("default", None), ("environment", sys.argv[1])):
    env = {**os.environ, "KPI101_DUCKDB_MEMORY_LIMIT": limit} if limit else dict(os.environ)
    set_invocation_context(env)
    for target in ("dev", "fixtures"):
        profile = Profile.from_raw_profiles(raw, "kpi101", ProfileRenderer({}), target_override=target)
        rendered.setdefault(case, {})[target] = profile.credentials.settings
print(json.dumps(rendered))
"""


@pytest.fixture(scope="module")
def rendered_settings() -> dict[str, dict[str, dict[str, str]]]:
    command = [sys.executable, "-c", RENDER_SETTINGS, "300MiB"]
    result = subprocess.run(command, cwd=REPO, env=clean_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_profile_default_is_the_benchmark_floors(rendered_settings):
    for target, settings in rendered_settings["default"].items():
        assert settings["memory_limit"] == benchmark.DUCKDB_MEMORY_LIMIT, target


def test_profile_takes_the_limit_from_the_environment(rendered_settings):
    for target, settings in rendered_settings["environment"].items():
        assert settings["memory_limit"] == "300MiB", target


GIB = 1024**3
UNITS = {"KiB": 1024, "MiB": 1024**2, "GiB": GIB}


@pytest.mark.parametrize("spelling", ["SET", "config"])
def test_duckdb_accepts_the_default_and_it_is_under_2_gib(spelling):
    """dbt-duckdb applies the setting with SET; the floor passes it in the connection's config."""
    if spelling == "SET":
        con = duckdb.connect()
        con.execute(f"set memory_limit = '{benchmark.DUCKDB_MEMORY_LIMIT}'")
    else:
        con = duckdb.connect(config={"memory_limit": benchmark.DUCKDB_MEMORY_LIMIT})
    with con:
        reported = con.execute("select current_setting('memory_limit')").fetchone()[0]
    amount, unit = re.fullmatch(r"([0-9.]+) (KiB|MiB|GiB)", reported).groups()
    limit_bytes = float(amount) * UNITS[unit]
    # Room under 2 GiB for dbt and Python themselves (a few hundred MiB).
    assert 256 * 1024**2 <= limit_bytes <= 1.5 * GIB
