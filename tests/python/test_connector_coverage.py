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


def test_empty_adapter_tables_feed_no_kpi():
    tables = connector_coverage.connector_tables()
    assert tables["google_ads"]["ads.site_ad_revenue"] is False
    assert tables["stripe"]["billing.subscriptions"] is True
    table = connector_coverage.coverage_table()
    ad_revenue = next(line for line in table.splitlines() if line.startswith("| ad_revenue |"))
    assert "yes" not in ad_revenue
    # columns: Google Ads, Shopify, Stripe, GA + Shopify, GA + Stripe, Shopify + Stripe, all three
    arpa = next(line for line in table.splitlines() if line.startswith("| arpa |"))
    assert arpa.endswith("|  |  | yes |  | yes | yes | yes |")


def test_shopify_feeds_orders_but_not_the_tables_it_does_not_record():
    tables = connector_coverage.connector_tables()
    assert tables["shopify"]["shop.orders"] is True
    assert tables["shopify"]["shop.listing_views"] is False
    lines = connector_coverage.coverage_table().splitlines()
    average_order_value = next(line for line in lines if line.startswith("| average_order_value |"))
    assert average_order_value.endswith("|  | yes |  | yes |  | yes | yes |")
    listing_conversion = next(line for line in lines if line.startswith("| listing_conversion_rate |"))
    assert "yes" not in listing_conversion
