"""The README's KPI table is generated from the catalogue seed and kept in sync."""

from __future__ import annotations

import re
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


DEVIATION_MARKER = re.compile(r"Deviation from the spec\s+\(KPI (\d+)\)")


def model_doc_texts() -> dict[str, str]:
    paths = sorted((REPO / "models").rglob("*.md")) + sorted((REPO / "models").rglob("*.yml"))
    return {str(path.relative_to(REPO)): path.read_text() for path in paths}


def readme_deviation_section() -> str:
    text = (REPO / "README.md").read_text()
    return text.split("## Definitions, choices and deviations", 1)[1].split("\n## ", 1)[0]


def test_model_docs_mark_deviations_with_their_kpi():
    """A doc that speaks of a deviation names the KPI the same way, so the README check sees it."""
    unmarked = []
    for path, text in model_doc_texts().items():
        flat = " ".join(text.split())
        for match in re.finditer(r"deviat\w*", flat, flags=re.IGNORECASE):
            if not DEVIATION_MARKER.match(flat, match.start()):
                unmarked.append(f"{path}: ...{flat[max(0, match.start() - 60) : match.end() + 60]}...")
    assert unmarked == []


def test_every_deviation_in_the_model_docs_is_in_the_readme_list():
    documented = {
        int(kpi_id)
        for text in model_doc_texts().values()
        for kpi_id in DEVIATION_MARKER.findall(" ".join(text.split()))
    }
    listed = {int(kpi_id) for kpi_id in re.findall(r"Deviation \((\d+)\)", readme_deviation_section())}
    assert documented, "no deviation marker found in the model docs"
    assert sorted(documented - listed) == [], "deviations documented in models/ but missing from the README list"
    assert sorted(listed - documented) == [], "README lists deviations no model doc explains"
