"""Partial data: a user who connects only Google Ads gets the ad click-through rate.

A DuckDB file holds only the Fivetran Google Ads tables of fixture scenario ``connectors_saas``.
``scripts/build_available.py`` must build the marketing mart, and KPI 25 (clicks / impressions,
overall and by channel) must equal the values worked out by hand below from
``fixtures/connectors_saas/google_ads/campaign_stats.csv`` (campaign 101 is SEARCH ->
paid_search, 202 is VIDEO -> paid_social). Slow (a dbt build): ``make test-connectors``.
"""

from __future__ import annotations

from .conftest import REPO, assert_equal_to_expected, build_one_mart, database_with_only, mart_values

GOOGLE_ADS = REPO / "fixtures" / "connectors_saas" / "google_ads"

# January: 101 on 01-10 (1500/60 + 500/20) and 01-31 (1000/40) = 120 clicks / 3000 impressions.
# February: 202 on 02-01 (3000/60); 101 on 02-15 (1000/25 + 200/5) = 30 / 1200; together 90 / 4200.
# March: 101 on 03-12 (900/20).
EXPECTED_CTR = {
    ("2024-01-01", "all", "all"): 120 / 3000,
    ("2024-01-01", "channel", "paid_search"): 120 / 3000,
    ("2024-02-01", "all", "all"): 90 / 4200,
    ("2024-02-01", "channel", "paid_search"): 30 / 1200,
    ("2024-02-01", "channel", "paid_social"): 60 / 3000,
    ("2024-03-01", "all", "all"): 20 / 900,
    ("2024-03-01", "channel", "paid_search"): 20 / 900,
}


def test_only_google_ads_connected_gives_the_click_through_rate(tmp_path):
    database = database_with_only(tmp_path / "google_ads_only.duckdb", "google_ads", GOOGLE_ADS)
    result = build_one_mart(tmp_path, database, {"ads": "google_ads"}, "marketing")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "domain marketing: partial" in result.stdout

    built = mart_values(database, ["marketing_kpis"])
    expected = {("ad_click_through_rate", *key): value for key, value in EXPECTED_CTR.items()}
    assert_equal_to_expected(built, expected)
    # A channel without impressions in a month has no rate, not 0.
    assert built[("ad_click_through_rate", "2024-01-01", "channel", "paid_social")] is None
