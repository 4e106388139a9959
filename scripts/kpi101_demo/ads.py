"""Ad platforms export: daily performance of the company's own ads, and revenue from ads on its site.

Spend per paid channel follows the number of users that channel acquires each month (a
cost per acquired user that drifts upward as channels saturate), so marketing spend,
sessions by traffic source and customers by acquisition channel tell one story. The rows are
drawn once per company (``performance``) and their spend per month is what the ledger books
as advertising and the bank pays to the ad networks (``monthly_ad_spend``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from .core import Company, add_months
from .writer import TableWriter

SOURCE = "ads"
# channel: (is_paid, campaign names, cost per acquired user, click-through rate, cost per click)
CHANNEL_PLANS = {
    # (about a third of the users become paying customers, so a customer costs about three times this)
    "paid_search": (True, ["Brand search", "Generic search", "Competitor search"], 420.0, 0.045, 1.80),
    "paid_social": (True, ["Prospecting video", "Retargeting carousel"], 540.0, 0.011, 0.95),
    "display": (True, ["Retargeting banners"], 680.0, 0.0016, 0.60),
    "email": (False, ["Partner newsletter swap"], 0.0, 0.035, 0.0),
}
SITE_AD_NETWORKS = [("adsense", 1.9, 1.0), ("carbon", 3.1, 0.25)]  # (network, revenue per mille, share of slots)


def _days(company: Company, month_index: int) -> list[dt.date]:
    first = company.month_starts[month_index]
    return [first + dt.timedelta(days=d) for d in range((add_months(first, 1) - first).days)]


# Drawn once per company (seed, scale, calendar) in a process: the ledger and the bank read it too.
_BUILT: dict[tuple, tuple[tuple, ...]] = {}


def _performance(company: Company) -> tuple[tuple, ...]:
    rng = random.Random(f"kpi101:{company.seed}:{SOURCE}")  # a fresh stream, whoever asks first
    acquired = Counter(
        (user.signed_up_at.year, user.signed_up_at.month, user.acquisition_channel) for user in company.users
    )

    def campaigns(channel: str) -> list[tuple[str, str]]:
        names = CHANNEL_PLANS[channel][1]
        count = company.scaled(len(names) * 0.67 if channel != "email" else 1)
        return [(f"{channel[:2].upper()}{number + 1:04d}", names[number % len(names)]) for number in range(count)]

    def performance_rows():
        for month_index, first in enumerate(company.month_starts):
            days = _days(company, month_index)
            saturation = 1.0 + 0.012 * month_index
            for channel, (is_paid, _, cost_per_user, ctr, cpc) in CHANNEL_PLANS.items():
                channel_campaigns = campaigns(channel)
                users = max(1, acquired[(first.year, first.month, channel if channel != "email" else "referral")])
                if is_paid:
                    budget = users * cost_per_user * saturation * rng.uniform(0.85, 1.15)
                    clicks_total = budget / cpc
                else:
                    budget = 0.0
                    clicks_total = users * rng.uniform(3, 6)
                impressions_total = clicks_total / ctr
                for campaign_id, campaign_name in channel_campaigns:
                    share = 1 / len(channel_campaigns)
                    for day in days:
                        if not is_paid and rng.random() < 0.75:
                            continue  # newsletter swaps run on a few days a month only
                        weight = share / len(days) * (4 if not is_paid else rng.uniform(0.6, 1.4))
                        impressions = max(0, round(impressions_total * weight))
                        clicks = min(impressions, max(0, round(impressions * ctr * rng.uniform(0.5, 1.5))))
                        if channel == "display" and month_index == 0:
                            clicks = 0  # click tracking of the display network was set up only in month two
                        spend = round(budget * weight, 2)
                        row = (day, channel, campaign_id, campaign_name, impressions, clicks, spend, is_paid)
                        yield row
                        if rng.random() < 0.004:  # the platform connector re-sends a day now and then
                            yield row

    return tuple(performance_rows())


def performance(company: Company) -> tuple[tuple, ...]:
    """Daily ad performance rows (with the connector's re-sent duplicates), drawn once per company."""
    key = (company.seed, company.scale, company.start, company.months)
    if key not in _BUILT:
        _BUILT[key] = _performance(company)
    return _BUILT[key]


def monthly_ad_spend(company: Company) -> dict[dt.date, float]:
    """Spend on the ad platforms per month (first day), re-sent duplicate rows counted once."""
    spend = dict.fromkeys(company.month_starts, 0.0)
    previous = None
    for row in performance(company):
        if row != previous:
            spend[row[0].replace(day=1)] += row[6]
        previous = row
    return spend


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng("ads.site_revenue")

    def site_revenue_rows():
        for month_index in range(company.months):
            growth = company.growth(month_index)
            for day in _days(company, month_index):
                for network, rpm, slots in SITE_AD_NETWORKS:
                    if network == "carbon" and month_index < 6:
                        continue  # the second network was added in the second half of the first year
                    impressions = round(company.scaled(2_400) * slots * growth * rng.uniform(0.8, 1.2))
                    revenue = round(impressions / 1000 * rpm * rng.uniform(0.8, 1.2), 2)
                    yield (day, network, impressions, revenue)

    writer.write(
        SOURCE,
        "ad_performance",
        ["report_date", "channel", "campaign_id", "campaign_name", "impressions", "clicks", "spend", "is_paid"],
        performance(company),
    )
    writer.write(
        SOURCE, "site_ad_revenue", ["report_date", "ad_network", "ad_impressions", "revenue"], site_revenue_rows()
    )
