"""The MetricFlow layer: every output has an aggregation kind, the generated metrics are up to
date, and `mf query` on the demo build equals the mart by month and the hand re-aggregation
of the mart's rows by quarter, for a sample covering every domain and every kind."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb
import pytest

from .conftest import REPO, clean_env

MF = Path(sys.executable).parent / "mf"
KINDS = {"ratio", "sum", "last", "last_ratio", "min", "month_only"}

# metric -> (kpi_name, dimension of the mart rows it reads)
SAMPLE = {
    "activation_rate": ("activation_rate", "all"),  # startup, ratio, cohort
    "burn_rate": ("burn_rate", "all"),  # startup, sum
    "cash_balance": ("cash_balance", "all"),  # startup, last
    "revenue_growth_rate": ("revenue_growth_rate", "all"),  # startup, month_only
    "repeat_customer_rate": ("repeat_customer_rate", "all"),  # ecommerce, last_ratio
    "revenue_by_traffic_source_by_traffic_source": ("revenue_by_traffic_source", "traffic_source"),  # sum by
    "accounts_receivable": ("accounts_receivable", "all"),  # finance, last
    "gross_margin": ("gross_margin", "all"),  # finance, ratio
    "ad_click_through_rate_by_channel": ("ad_click_through_rate", "channel"),  # marketing, ratio by
    "social_mentions": ("social_mentions", "all"),  # marketing, sum
    "arpa": ("arpa", "all"),  # saas, last_ratio
    "open_deals": ("open_deals", "all"),  # sales, last
    "lead_response_time_median": ("lead_response_time_median", "all"),  # sales, month_only
    "app_store_rank": ("app_store_rank", "store_country_category"),  # mobile_app, min, no total row
    "retention_rate_d7": ("retention_rate_d7", "all"),  # mobile_app, ratio, cohort
    "headcount_by_employment_type": ("headcount", "employment_type"),  # hr, last by
    "gender_ratio_by_gender": ("gender_ratio", "gender"),  # hr, last_ratio by
    "ticket_volume_by_channel": ("ticket_volume", "channel"),  # support, sum by
    "open_tickets": ("open_tickets", "all"),  # support, last
}


def read_seed(name: str) -> list[dict[str, str]]:
    with (REPO / "seeds" / "catalog" / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_output_has_one_aggregation_kind():
    outputs = {row["kpi_name"] for row in read_seed("kpi_outputs.csv")}
    aggregations = read_seed("kpi_output_aggregations.csv")
    assert sorted(row["kpi_name"] for row in aggregations) == sorted(outputs)
    assert {row["aggregation"] for row in aggregations} <= KINDS


def test_generated_metrics_are_up_to_date():
    result = subprocess.run(
        [sys.executable, "scripts/generate_semantic_layer.py", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_sample_covers_every_domain_and_kind():
    kinds = {row["kpi_name"]: row["aggregation"] for row in read_seed("kpi_output_aggregations.csv")}
    domains = {row["kpi_id"]: row["domain"] for row in read_seed("kpi_definitions.csv")}
    output_domain = {row["kpi_name"]: domains[row["kpi_id"]] for row in read_seed("kpi_outputs.csv")}
    assert {kinds[name] for name, _ in SAMPLE.values()} == KINDS
    assert {output_domain[name] for name, _ in SAMPLE.values()} == set(domains.values())


def quarter(month: date) -> date:
    return date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)


def divide(numerator, denominator):
    return None if numerator is None or not denominator else numerator / denominator


def expected_by_hand(database: Path) -> tuple[dict, dict]:
    """(metric, month or quarter start, dimension_value) -> value, re-aggregated from mart rows."""
    kinds = {row["kpi_name"]: row["aggregation"] for row in read_seed("kpi_output_aggregations.csv")}
    monthly, quarterly = {}, {}
    with duckdb.connect(str(database), read_only=True) as con:
        for metric, (kpi_name, dimension) in SAMPLE.items():
            rows = con.execute(
                "select period_month, dimension_value, value, numerator, denominator from kpis"
                " where kpi_name = ? and dimension = ? order by period_month",
                [kpi_name, dimension],
            ).fetchall()
            groups = defaultdict(list)
            for month, value_of, value, numerator, denominator in rows:
                monthly[(metric, month, value_of)] = value
                groups[(quarter(month), value_of)].append((month, value, numerator, denominator))
            kind = kinds[kpi_name]
            for (start, value_of), months in groups.items():
                last = max(months)
                if kind == "ratio":
                    nums = [m[2] for m in months if m[2] is not None]
                    dens = [m[3] for m in months if m[3] is not None]
                    value = divide(sum(nums) if nums else None, sum(dens) if dens else None)
                elif kind == "sum":
                    values = [m[1] for m in months if m[1] is not None]
                    value = sum(values) if values else None
                elif kind == "min":
                    value = min((m[1] for m in months if m[1] is not None), default=None)
                elif kind == "last_ratio":
                    value = divide(last[2], last[3])
                else:  # last, month_only: the quarter's last month
                    value = last[1]
                quarterly[(metric, start, value_of)] = value
    return monthly, quarterly


def mf_query(project: Path, grain: str, out: Path) -> dict:
    result = subprocess.run(
        [
            str(MF),
            "query",
            "--metrics",
            ",".join(SAMPLE),
            "--group-by",
            f"metric_time__{grain},kpi_value__dimension_value",
            "--csv",
            str(out),
        ],
        cwd=project,
        env=clean_env(DBT_PROFILES_DIR=str(project / "profiles"), KPI101_DUCKDB_PATH=str(project / "kpi101.duckdb")),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"mf query failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    values = {}
    with out.open(newline="") as handle:
        for row in csv.DictReader(handle):
            period = date.fromisoformat(row[f"metric_time__{grain}"][:10])
            for metric in SAMPLE:
                if row[metric] not in ("", None):
                    values[(metric, period, row["kpi_value__dimension_value"])] = float(row[metric])
    return values


def assert_same(actual: dict, expected: dict, grain: str) -> None:
    expected = {key: value for key, value in expected.items() if value is not None}
    assert sorted(actual) == sorted(expected), f"{grain}: different (metric, period, value) keys"
    wrong = [
        f"{key}: mf {actual[key]}, expected {value}"
        for key, value in expected.items()
        if actual[key] != pytest.approx(value, rel=1e-9, abs=1e-9)
    ]
    assert not wrong, f"{grain}:\n" + "\n".join(wrong[:20])


@pytest.fixture(scope="module")
def mf_results(quick_start, tmp_path_factory):
    assert quick_start["result"].returncode == 0, "make run failed"
    folder = tmp_path_factory.mktemp("mf")
    project = quick_start["dir"]
    return {grain: mf_query(project, grain, folder / f"{grain}.csv") for grain in ("month", "quarter")}


def test_mf_query_by_month_equals_the_mart(quick_start, mf_results):
    monthly, _ = expected_by_hand(quick_start["database"])
    assert_same(mf_results["month"], monthly, "month")


def test_mf_query_by_quarter_equals_the_hand_re_aggregation(quick_start, mf_results):
    _, quarterly = expected_by_hand(quick_start["database"])
    assert_same(mf_results["quarter"], quarterly, "quarter")
