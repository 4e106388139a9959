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
    """KPI name -> {column header: cell} of the generated table."""
    lines = [line for line in connector_coverage.coverage_table().splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0]] = dict(zip(header, cells, strict=True))
    return rows


def test_empty_adapter_tables_feed_no_kpi():
    tables = connector_coverage.connector_tables()
    assert tables["google_ads"]["ads.site_ad_revenue"] is False
    assert tables["stripe"]["billing.subscriptions"] is True
    rows = coverage_rows()
    assert rows["ad_revenue"]["from connectors alone"] == ""
    assert "ads.site_ad_revenue" in rows["ad_revenue"]["still needs (our contract)"]
    assert rows["arpa"]["connectors feeding it"] == "Stripe"
    assert rows["arpa"]["from connectors alone"] == "yes"


def test_a_kpi_reading_several_systems_needs_each_connector():
    cac = coverage_rows()["customer_acquisition_cost"]
    assert cac["connectors feeding it"] == "Google Ads + Shopify + Stripe"
    assert cac["from connectors alone"] == "yes"


def test_shopify_feeds_orders_but_not_the_tables_it_does_not_record():
    tables = connector_coverage.connector_tables()
    assert tables["shopify"]["shop.orders"] is True
    assert tables["shopify"]["shop.listing_views"] is False
    rows = coverage_rows()
    assert rows["average_order_value"]["connectors feeding it"] == "Shopify"
    assert rows["average_order_value"]["from connectors alone"] == "yes"
    assert rows["listing_conversion_rate"]["from connectors alone"] == ""
    assert "shop.listing_views" in rows["listing_conversion_rate"]["still needs (our contract)"]


def test_stripe_invoices_feed_receivables_but_not_payables():
    tables = connector_coverage.connector_tables()
    assert tables["stripe"]["accounting.customer_invoices"] is True
    assert tables["stripe"]["accounting.supplier_bills"] is False
    assert coverage_rows()["accounts_receivable"]["from connectors alone"] == "yes"


def test_zendesk_feeds_tickets_but_not_calls_chats_or_effort_surveys():
    tables = connector_coverage.connector_tables()
    assert tables["zendesk"]["helpdesk.ticket_status_events"] is True
    assert tables["zendesk"]["helpdesk.calls"] is False
    rows = coverage_rows()
    assert rows["open_tickets"]["connectors feeding it"] == "Zendesk"
    assert rows["open_tickets"]["from connectors alone"] == "yes"
    for needs_contract_tables in ("average_handle_time", "customer_effort_score", "conversations_per_teammate"):
        assert rows[needs_contract_tables]["from connectors alone"] == ""


def test_hubspot_needs_the_contract_for_reps_and_targets():
    tables = connector_coverage.connector_tables()
    assert tables["hubspot"]["crm.deals"] is True
    assert tables["hubspot"]["crm.sales_reps"] is False
    assert tables["hubspot"]["crm.sales_targets"] is False
    rows = coverage_rows()
    assert rows["average_deal_size"]["from connectors alone"] == "yes"
    assert rows["lead_response_time"]["from connectors alone"] == "yes"
    # Rep periods (51) and targets (58, and 47 with billing) are not in HubSpot.
    for needs_reps_or_targets in ("activities_per_rep", "pipeline_vs_target", "mrr_closed_vs_quota"):
        assert rows[needs_reps_or_targets]["from connectors alone"] == ""
