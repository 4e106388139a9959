"""Help-center (knowledge base) export: article views, helpful/not-helpful votes and searches.

Viewers, voters and searchers are the company's product users when logged in (users who have
signed up by then), anonymous otherwise. Article popularity is skewed; one article is so poor
that it only ever collects down-votes.
"""

from __future__ import annotations

import bisect
import datetime as dt

from .core import Company, local_time
from .writer import TableWriter

SOURCE = "helpcenter"
ARTICLES = 60
QUERIES = [
    "reset password",
    "invoice",
    "refund",
    "cancel subscription",
    "api key",
    "export data",
    "change email",
    "two factor",
    "billing address",
    "add user",
    "delete account",
    "webhook",
    "import csv",
    "pricing",
    "sso",
    "integrations",
    "dark mode",
    "rate limit",
    "receipt",
    "upgrade plan",
]
OFFSETS = [0, -300, -480, 60, 330]


def _variant(query: str, rng) -> str:
    """How visitors really type: capitals and stray spaces now and then."""
    roll = rng.random()
    if roll < 0.1:
        return query.title()
    if roll < 0.15:
        return f" {query.replace(' ', '  ')} "
    if roll < 0.18:
        return query.upper()
    return query


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    users = sorted(company.users, key=lambda u: u.signed_up_at)
    signup_times = [u.signed_up_at for u in users]
    article_ids = [f"A{number:04d}" for number in range(1, ARTICLES + 1)]
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(ARTICLES)]
    helpfulness = {article: rng.uniform(0.45, 0.95) for article in article_ids}
    helpfulness[article_ids[7]] = 0.0  # an article nobody finds helpful
    query_weights = [1 / (rank + 1) for rank in range(len(QUERIES))]

    def visitor(at: dt.datetime) -> str | None:
        count = bisect.bisect_left(signup_times, at)
        if not count or rng.random() < 0.45:
            return None
        return users[rng.randrange(count)].user_id

    views: list[tuple] = []
    votes: list[tuple] = []
    for month_index in range(company.months):
        for _ in range(company.scaled(1500 * company.growth(month_index))):
            viewed = company.random_time_in_month(rng, month_index)
            article = rng.choices(article_ids, weights=popularity)[0]
            viewer = visitor(viewed)
            row = (f"V{len(views) + 1:09d}", article, viewer, local_time(viewed, rng.choice(OFFSETS)))
            views.append(row)
            if rng.random() < 0.005:  # the analytics export repeats a row now and then
                views.append(row)
            if rng.random() < 0.05:
                voted = viewed + dt.timedelta(seconds=rng.randrange(20, 600))
                if voted < company.end_at:
                    vote = "up" if rng.random() < helpfulness[article] else "down"
                    votes.append((f"W{len(votes) + 1:08d}", article, viewer, vote, voted.replace(tzinfo=dt.UTC)))
    writer.write(SOURCE, "article_views", ["view_id", "article_id", "viewer_id", "viewed_at"], views)
    writer.write(SOURCE, "article_votes", ["vote_id", "article_id", "voter_id", "vote", "voted_at"], votes)

    def search_rows():
        number = 0
        for month_index in range(company.months):
            for _ in range(company.scaled(600 * company.growth(month_index))):
                searched = company.random_time_in_month(rng, month_index)
                number += 1
                query = "" if rng.random() < 0.01 else _variant(rng.choices(QUERIES, weights=query_weights)[0], rng)
                yield (f"Y{number:09d}", query, visitor(searched), local_time(searched, rng.choice(OFFSETS)))

    writer.write(SOURCE, "searches", ["search_id", "query", "searcher_id", "searched_at"], search_rows())
