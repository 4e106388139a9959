"""The README's KPI table is generated from the catalogue seed and kept in sync."""

from __future__ import annotations

import subprocess
import sys

from .conftest import REPO


def test_readme_kpi_table_is_up_to_date():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "render_kpi_table.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_quick_start_is_two_commands():
    text = (REPO / "README.md").read_text()
    quick_start = text.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make run" in quick_start and "make test" in quick_start
