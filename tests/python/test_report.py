"""The HTML report that `make run` writes: self-contained, and correct in a real browser
(Debian's chromium, headless): no JavaScript error, one card per implemented output, values
formatted in their units; a screenshot is kept under target/ for review."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from .conftest import REPO

SCREENSHOTS = REPO / "target"


class CardValues(HTMLParser):
    """Collects each card's headline value text, keyed by its data-kpi-name."""

    def __init__(self) -> None:
        super().__init__()
        self.current: str | None = None
        self.in_value = False
        self.values: dict[str, str] = {}
        self.body: dict[str, str] = {}
        self.errors = ""
        self.in_errors = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.body = attributes
        if tag == "article" and "kpi-card" in (attributes.get("class") or ""):
            self.current = attributes.get("data-kpi-name")
        self.in_value = tag == "div" and attributes.get("class") == "value" and self.current is not None
        self.in_errors = tag == "pre" and attributes.get("id") == "report-errors"

    def handle_data(self, data):
        if self.in_value:
            self.values[self.current] = data
            self.in_value = False
        if self.in_errors:
            self.errors += data

    def handle_endtag(self, tag):
        if tag == "pre":
            self.in_errors = False


@pytest.fixture(scope="module")
def chromium() -> str:
    subprocess.run(["sh", str(REPO / "scripts" / "ensure_chromium.sh")], check=True, timeout=900)
    return shutil.which("chromium")


def browse(chromium: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def report(quick_start) -> Path:
    assert quick_start["result"].returncode == 0, "make run failed"
    path = quick_start["dir"] / "target" / "kpi_report.html"
    assert "KPI report (" in quick_start["result"].stdout and str(path) in quick_start["result"].stdout
    return path


@pytest.fixture(scope="module")
def rendered(chromium, report) -> CardValues:
    # ?render=all shows every page and draws every chart, so an error in any of them surfaces.
    result = browse(chromium, "--virtual-time-budget=60000", "--dump-dom", report.as_uri() + "?render=all")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Uncaught" not in result.stderr, result.stderr[-3000:]
    parsed = CardValues()
    parsed.feed(result.stdout)
    return parsed


def test_report_is_self_contained(report):
    html = report.read_text()
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "Plotly" in html


def test_report_runs_without_javascript_errors(rendered):
    assert rendered.body.get("data-ready") == "true"
    assert rendered.errors.strip() == ""


def test_one_card_per_implemented_output(rendered, quick_start):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        produced = {row[0] for row in con.sql("select distinct kpi_name from kpis").fetchall()}
    assert int(rendered.body["data-cards"]) == len(produced)
    assert set(rendered.values) == produced


def test_cards_show_the_latest_complete_month_in_its_unit(rendered, quick_start):
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:

        def latest(kpi_name: str) -> float:
            return con.execute(
                "select value from kpis where kpi_name = ? and dimension = 'all' and is_complete"
                " order by period_month desc limit 1",
                [kpi_name],
            ).fetchone()[0]

        assert rendered.values["ticket_volume"] == f"{latest('ticket_volume'):,.0f}"
        assert rendered.values["activation_rate"] == f"{latest('activation_rate') * 100:.1f} %"
        assert rendered.values["average_resolution_time"] == f"{latest('average_resolution_time'):.1f} h"
        assert rendered.values["quick_ratio"] == f"{latest('quick_ratio'):,.2f}\u00d7"
        assert rendered.values["accounts_receivable"] == f"USD {latest('accounts_receivable'):,.0f}"
        assert rendered.values["net_promoter_score"] == f"{latest('net_promoter_score'):.1f} pts"


@pytest.mark.parametrize("page", ["support", "hr"])
def test_screenshot_of_a_domain_page(chromium, report, page):
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"report_{page}.png"
    shot.unlink(missing_ok=True)
    result = browse(
        chromium,
        "--window-size=1400,2600",
        "--virtual-time-budget=20000",
        f"--screenshot={shot}",
        f"{report.as_uri()}#{page}",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert shot.stat().st_size > 50_000, "the screenshot looks blank"
