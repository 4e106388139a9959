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


def producible_by(kpi_name: str) -> set[str]:
    """The connector combinations (header labels) whose cell says yes in the KPI's row."""
    lines = connector_coverage.coverage_table().splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    row = next(line for line in lines if line.startswith(f"| {kpi_name} |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    return {label for label, cell in zip(header[3:], cells[3:], strict=True) if cell == "yes"}


def test_empty_adapter_tables_feed_no_kpi():
    tables = connector_coverage.connector_tables()
    assert tables["google_ads"]["ads.site_ad_revenue"] is False
    assert tables["stripe"]["billing.subscriptions"] is True
    assert producible_by("ad_revenue") == set()
    arpa = producible_by("arpa")
    assert "Stripe" in arpa and "Google Ads + Stripe" in arpa
    assert all("Stripe" in combo for combo in arpa)


def test_shopify_feeds_orders_but_not_the_tables_it_does_not_record():
    tables = connector_coverage.connector_tables()
    assert tables["shopify"]["shop.orders"] is True
    assert tables["shopify"]["shop.listing_views"] is False
    average_order_value = producible_by("average_order_value")
    assert "Shopify" in average_order_value
    assert all("Shopify" in combo for combo in average_order_value)
    assert producible_by("listing_conversion_rate") == set()


def test_zendesk_feeds_tickets_but_not_calls_chats_or_effort_surveys():
    tables = connector_coverage.connector_tables()
    assert tables["zendesk"]["helpdesk.ticket_status_events"] is True
    assert tables["zendesk"]["helpdesk.calls"] is False
    open_tickets = producible_by("open_tickets")
    assert "Zendesk" in open_tickets
    assert all("Zendesk" in combo for combo in open_tickets)
    for needs_contract_tables in ("average_handle_time", "customer_effort_score", "conversations_per_teammate"):
        assert producible_by(needs_contract_tables) == set()
