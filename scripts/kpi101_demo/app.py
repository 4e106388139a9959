"""Mobile-app data: store chart rankings, attributed installs with campaign spend (attribution
tool), app sessions and in-app purchases (app analytics).

About 60% of the product's users (``company.users``) install the app shortly after signing up;
some installs never sign in. Each app user keeps opening the app for a while with a falling
probability, so retention, MAU and ARPU follow the company's growth.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from . import csvtext
from .core import Company, local_iso, weighted
from .writer import TableWriter, iso_time, label, padded_id

SOURCE = "app"
PAID_CHANNELS = [("paid_social", 3.4, 45), ("paid_search", 2.6, 35), ("app_network", 1.7, 20)]  # (channel, CPI, weight)
CHARTS = [
    ("app_store", "US", "productivity", 60),
    ("app_store", "GB", "productivity", 35),
    ("google_play", "US", "productivity", 80),
    ("google_play", "DE", "business", 25),
]
PRODUCTS = [("pro_month", 9.99, 50), ("pro_year", 79.99, 10), ("templates_pack", 4.99, 30), ("storage_boost", 1.99, 10)]


def _sessions_and_purchases(
    company: Company, app_users: list[tuple[int, int, int, float, int]], writer: TableWriter
) -> None:
    """Each app user's first session, then on each later day of their lifetime a session with a
    falling probability; a few sessions lead to an in-app purchase."""
    rng = company.np_rng(f"{SOURCE}.sessions")
    columns = np.array(app_users, dtype=float).reshape(-1, 5)
    user, first_open, offset = (columns[:, i].astype(np.int64) for i in range(3))
    engagement, lifetime = columns[:, 3], columns[:, 4].astype(np.int64)
    end = company.seconds(company.end_at)

    # Later days: day d (1..lifetime) after the first open's day, at a random time of that day.
    owner = np.repeat(np.arange(len(user)), lifetime)
    day = np.arange(len(owner)) - np.repeat(np.cumsum(lifetime) - lifetime, lifetime) + 1
    opened = rng.random(len(owner)) < engagement[owner] * (1.0 + day) ** -0.35
    start = (first_open[owner] // 86_400 + day) * 86_400 + rng.integers(0, 86_400, len(owner))
    later = opened & (start < end)
    owner = np.concatenate([np.arange(len(user)), owner[later]])
    start = np.concatenate([first_open, start[later]])
    order = np.lexsort((start, owner))  # each user's sessions in turn, as they happened
    owner, start = owner[order], start[order]
    count = len(owner)

    length = rng.lognormal(5.5, 0.9, count)
    dirt = rng.random(count)
    finish = np.where(
        dirt < 0.004,  # the device clock put the end before the start
        start - rng.integers(60, 3600, count),
        np.where(dirt < 0.007, start + rng.uniform(25, 80, count) * 3600, start + length),  # 0.3%: never closed
    ).astype(np.int64)
    finish[(dirt >= 0.007) & (dirt < 0.012)] = -1  # end never reported
    if count:
        finish[0] = start[0] + 24 * 3600  # the first session lasts exactly 24 hours, still valid (KPI 64's boundary)
    repeated = np.repeat(np.arange(count), np.where(rng.random(count) < 0.003, 2, 1))  # the export repeats a row
    writer.write_text(
        SOURCE,
        "sessions",
        ["session_id", "user_id", "started_at", "ended_at"],
        {
            "number": repeated + 1,
            "user": user[owner[repeated]],
            "moment": start[repeated],
            "finish": finish[repeated],
            "zone": offset[owner[repeated]],
        },
        [
            csvtext.padded_id("S", "number", 9),
            csvtext.padded_id("U", "user", 7),
            csvtext.iso_time("moment", "zone"),
            csvtext.iso_time("finish", "zone"),
        ],
    )

    bought = (start + length / 2).astype(np.int64)
    buying = np.flatnonzero((rng.random(count) < 0.025) & (bought < end))
    weights = np.array([weight for *_, weight in PRODUCTS], dtype=float)
    product = rng.choice(len(PRODUCTS), len(buying), p=weights / weights.sum())
    writer.write_frame(
        SOURCE,
        "purchases",
        ["purchase_id", "user_id", "purchased_at", "product_id", "amount", "is_refunded"],
        {
            "number": np.arange(1, len(buying) + 1),
            "user": user[owner[buying]],
            "moment": bought[buying],
            "zone": offset[owner[buying]],
            "product": product,
            "refunded": rng.random(len(buying)) < 0.04,
        },
        [
            padded_id("P", "number", 8),
            padded_id("U", "user", 7),
            iso_time("moment", "zone"),
            label("product", [name for name, _, _ in PRODUCTS]),
            f"[{', '.join(repr(price) for _, price, _ in PRODUCTS)}][product + 1]",
            "refunded",
        ],
    )


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    end_at = company.end_at
    installs = []
    paid_by_day: dict[tuple[dt.date, str, str], int] = {}
    campaigns_per_channel = company.scaled(2)  # a bigger company runs more campaigns at once

    def add_install(user_id: str | None, at: dt.datetime, offset: int) -> None:
        if rng.random() < 0.55:
            channel, _, _ = weighted(rng, PAID_CHANNELS)
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
                local_iso(at, offset),
                channel,
                campaign,
                paid,
            )
        )

    # (user number, first open in Unix seconds, offset, engagement, lifetime in days) of app users
    app_users: list[tuple[int, int, int, float, int]] = []
    for user in company.users:
        if rng.random() > 0.6:
            continue
        offset = user.utc_offset_minutes
        first_open = user.signed_up_at + dt.timedelta(minutes=rng.randrange(2, 60 * 48))
        if first_open >= end_at:
            continue
        add_install(user.user_id, first_open - dt.timedelta(minutes=rng.randrange(1, 30)), offset)
        engagement = rng.uniform(0.15, 0.7)
        app_users.append(
            (int(user.user_id[1:]), company.seconds(first_open), offset, engagement, int(rng.expovariate(1 / 70)))
        )
    for _ in range(len(company.users) // 4):  # installs that never sign in
        at = company.random_time_in_month(rng, rng.randrange(company.months))
        add_install(None, at, 0)

    _sessions_and_purchases(company, app_users, writer)

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
