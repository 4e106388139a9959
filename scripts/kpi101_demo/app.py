"""Mobile-app data: store chart rankings, attributed installs with campaign spend (attribution
tool), app sessions and in-app purchases (app analytics).

About 60% of the product's users (``company.users``) install the app shortly after signing up;
some installs never sign in. Each app user keeps opening the app for a while with a falling
probability, so retention, MAU and ARPU follow the company's growth.
"""

from __future__ import annotations

import datetime as dt

from .core import Company, local_time
from .writer import TableWriter

SOURCE = "app"
PAID_CHANNELS = [("paid_social", 3.4, 45), ("paid_search", 2.6, 35), ("app_network", 1.7, 20)]  # (channel, CPI, weight)
CHARTS = [
    ("app_store", "US", "productivity", 60),
    ("app_store", "GB", "productivity", 35),
    ("google_play", "US", "productivity", 80),
    ("google_play", "DE", "business", 25),
]
PRODUCTS = [("pro_month", 9.99, 50), ("pro_year", 79.99, 10), ("templates_pack", 4.99, 30), ("storage_boost", 1.99, 10)]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    end_at = company.end_at
    installs, sessions, purchases = [], [], []
    paid_by_day: dict[tuple[dt.date, str, str], int] = {}
    campaigns_per_channel = company.scaled(2)  # a bigger company runs more campaigns at once

    def add_install(user_id: str | None, at: dt.datetime, offset: int) -> None:
        if rng.random() < 0.55:
            channel, _, _ = rng.choices(PAID_CHANNELS, weights=[w for *_, w in PAID_CHANNELS])[0]
            campaign = f"{channel}-{at:%Y%m}-{rng.randrange(campaigns_per_channel) + 1}"
            key = (at.date(), channel, campaign)
            paid_by_day[key] = paid_by_day.get(key, 0) + 1
            paid = True
        else:
            channel, campaign, paid = "organic", None, False
        installs.append(
            (
                f"I{len(installs) + 1:08d}",
                user_id,
                f"dev{rng.getrandbits(40):010x}",
                local_time(at, offset),
                channel,
                campaign,
                paid,
            )
        )

    def add_session(user_id: str, start: dt.datetime, offset: int) -> None:
        length = dt.timedelta(seconds=rng.lognormvariate(5.5, 0.9))
        dirt = rng.random()
        if dirt < 0.004:  # device clock put the end before the start
            end = start - dt.timedelta(seconds=rng.randrange(60, 3600))
        elif dirt < 0.007:  # background session never closed properly
            end = start + dt.timedelta(hours=rng.uniform(25, 80))
        elif dirt < 0.012:  # end never reported
            end = None
        else:
            end = start + length
        if not sessions:  # the first session lasts exactly 24 hours, still valid (KPI 64's boundary)
            end = start + dt.timedelta(hours=24)
        row = (
            f"S{len(sessions) + 1:09d}",
            user_id,
            local_time(start, offset),
            local_time(end, offset) if end else None,
        )
        sessions.append(row)
        if rng.random() < 0.003:  # the export repeats a row now and then
            sessions.append(row)
        if rng.random() < 0.025:
            product, price, _ = rng.choices(PRODUCTS, weights=[w for *_, w in PRODUCTS])[0]
            bought = start + length / 2
            if bought < end_at:
                purchases.append(
                    (
                        f"P{len(purchases) + 1:08d}",
                        user_id,
                        local_time(bought, offset),
                        product,
                        price,
                        rng.random() < 0.04,
                    )
                )

    for user in company.users:
        if rng.random() > 0.6:
            continue
        offset = user.utc_offset_minutes
        first_open = user.signed_up_at + dt.timedelta(minutes=rng.randrange(2, 60 * 48))
        if first_open >= end_at:
            continue
        add_install(user.user_id, first_open - dt.timedelta(minutes=rng.randrange(1, 30)), offset)
        add_session(user.user_id, first_open, offset)
        engagement = rng.uniform(0.15, 0.7)
        lifetime = int(rng.expovariate(1 / 70))
        for day in range(1, lifetime + 1):
            if rng.random() < engagement * (1 + day) ** -0.35:
                start = dt.datetime.combine(first_open.date() + dt.timedelta(days=day), dt.time()) + dt.timedelta(
                    seconds=rng.randrange(86_400)
                )
                if start >= end_at:
                    break
                add_session(user.user_id, start, offset)
    for _ in range(len(company.users) // 4):  # installs that never sign in
        at = company.random_time_in_month(rng, rng.randrange(company.months))
        add_install(None, at, 0)

    spend_rows = []
    for (day, channel, campaign), count in sorted(paid_by_day.items()):
        cpi = next(c for name, c, _ in PAID_CHANNELS if name == channel)
        spend_rows.append((day, channel, campaign, round(count * cpi * rng.uniform(0.7, 1.3), 2)))

    ranking_rows = []
    for store, country, category, start_rank in CHARTS:
        rank = float(start_rank)
        for offset_days in range((company.end - company.start).days):
            day = company.start + dt.timedelta(days=offset_days)
            month_index = (day.year - company.start.year) * 12 + day.month - company.start.month
            target = start_rank / company.growth(month_index)
            rank = max(1.0, rank + (target - rank) * 0.1 + rng.gauss(0, 2.5))
            if rng.random() < 0.03:  # the store's report is missing that day
                continue
            ranking_rows.append((day, store, country, category, max(1, round(rank))))

    writer.write(SOURCE, "store_rankings", ["ranking_date", "store", "country", "category", "rank"], ranking_rows)
    writer.write(
        SOURCE,
        "installs",
        ["install_id", "user_id", "device_id", "installed_at", "channel", "campaign_id", "is_paid"],
        installs,
    )
    writer.write(SOURCE, "install_campaign_spend", ["spend_date", "channel", "campaign_id", "spend"], spend_rows)
    writer.write(SOURCE, "sessions", ["session_id", "user_id", "started_at", "ended_at"], sessions)
    writer.write(
        SOURCE,
        "purchases",
        ["purchase_id", "user_id", "purchased_at", "product_id", "amount", "is_refunded"],
        purchases,
    )
