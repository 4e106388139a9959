"""Media-monitoring export: press and social-media mentions of the brand."""

from __future__ import annotations

import datetime as dt

from .core import Company, local_iso, weighted
from .writer import TableWriter

SOURCE = "media"
OUTLETS = ["Daily Ledger", "Metro Post", "Tech Weekly", "Founder Radio", "Market Wire", "Product Digest"]
SENTIMENTS = [("positive", 5), ("neutral", 4), ("negative", 1)]
PLATFORMS = [("x", 40), ("linkedin", 30), ("instagram", 15), ("reddit", 10), ("youtube", 5)]
OFFSETS = [0, -300, 60, 330]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)

    def press_rows():
        number = 0
        for month_index in range(company.months):
            for _ in range(company.scaled(4 * company.growth(month_index) ** 0.5)):
                number += 1
                published = local_iso(company.random_time_in_month(rng, month_index), rng.choice(OFFSETS))
                row = (
                    f"PM{number:07d}",
                    published,
                    rng.choice(OUTLETS),
                    f"Coverage {number}",
                    weighted(rng, SENTIMENTS)[0],
                )
                yield row
                if rng.random() < 0.02:  # the tool sometimes exports an article twice
                    yield row

    def social_rows():
        number = 0
        for month_index in range(company.months):
            for _ in range(company.scaled(60 * company.growth(month_index))):
                number += 1
                platform = weighted(rng, PLATFORMS)[0]
                posted = company.random_time_in_month(rng, month_index)
                yield (
                    f"SM{number:08d}",
                    platform,
                    posted.replace(tzinfo=dt.UTC),
                    f"@user{rng.randrange(1, 50_000)}",
                )

    writer.write(
        SOURCE, "press_mentions", ["mention_id", "published_at", "outlet", "headline", "sentiment"], press_rows()
    )
    writer.write(SOURCE, "social_mentions", ["mention_id", "platform", "posted_at", "author_handle"], social_rows())
