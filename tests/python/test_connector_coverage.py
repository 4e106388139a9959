"""The README's connector coverage table is the generated one, and the generator's logic holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

import connector_coverage  # noqa: E402


def test_readme_table_is_current():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "connector_coverage.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def coverage_rows() -> dict[str, dict[str, str]]:
    """KPI name -> {column header (e.g. "Google Ads + Stripe"): cell} of the generated table."""
    lines = [line for line in connector_coverage.coverage_table().splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0]] = dict(zip(header, cells, strict=True))
    return rows


def test_empty_adapter_tables_feed_no_kpi():
    tables = connector_coverage.connector_tables()
    assert tables["google_ads"]["ads.site_ad_revenue"] is False
    assert tables["stripe"]["billing.subscriptions"] is True
    rows = coverage_rows()
    assert "yes" not in rows["ad_revenue"].values()
    arpa = rows["arpa"]
    assert arpa["Stripe"] == "yes"
    assert arpa["Google Ads + Stripe"] == "yes"
    assert arpa["Google Ads"] == ""
    assert arpa["Google Ads + Shopify"] == ""


def test_shopify_feeds_orders_but_not_the_tables_it_does_not_record():
    tables = connector_coverage.connector_tables()
    assert tables["shopify"]["shop.orders"] is True
    assert tables["shopify"]["shop.listing_views"] is False
    rows = coverage_rows()
    average_order_value = rows["average_order_value"]
    assert average_order_value["Shopify"] == "yes"
    assert average_order_value["Stripe"] == ""
    assert average_order_value["Shopify + Stripe"] == "yes"
    assert "yes" not in rows["listing_conversion_rate"].values()


def test_hubspot_needs_the_contract_for_reps_and_targets():
    tables = connector_coverage.connector_tables()
    assert tables["hubspot"]["crm.deals"] is True
    assert tables["hubspot"]["crm.sales_reps"] is False
    assert tables["hubspot"]["crm.sales_targets"] is False
    rows = coverage_rows()
    assert rows["average_deal_size"]["HubSpot"] == "yes"
    assert rows["lead_response_time"]["HubSpot"] == "yes"
    # Rep periods (51) and targets (58, and 47 with billing) are not in HubSpot.
    assert "yes" not in rows["activities_per_rep"].values()
    assert "yes" not in rows["pipeline_vs_target"].values()
    assert "yes" not in rows["mrr_closed_vs_quota"].values()
