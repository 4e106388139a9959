"""Help-center (knowledge base) export: article views, helpful/not-helpful votes and searches.

Viewers, voters and searchers are the company's product users when logged in (users who have
signed up by then), anonymous otherwise. Article popularity is skewed; one article is so poor
that it only ever collects down-votes.
"""

from __future__ import annotations

import numpy as np

from .core import Company
from .csvtext import Column, iso_time, label, padded_id
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


VARIANTS = [
    # how visitors really type: (spelling of a query, share of searches); the rest as listed
    (str.title, 0.10),
    (lambda query: f" {query.replace(' ', '  ')} ", 0.05),
    (str.upper, 0.03),
]


def visitors(company: Company, rng: np.random.Generator, at: np.ndarray) -> np.ndarray:
    """Logged-in users (a user number) who have signed up before ``at``, or anonymous (-1)."""
    users = company.user_columns
    signed_up_before = np.searchsorted(users["signed_up"], at, side="left")
    logged_in = (signed_up_before > 0) & (rng.random(len(at)) >= 0.45)
    pick = (rng.random(len(at)) * signed_up_before).astype(np.int64)
    return np.where(logged_in, users["number"][np.minimum(pick, len(users["number"]) - 1)], -1)


def user_id(numbers: str) -> Column:
    """U<number> user ids, null for -1."""
    return padded_id("U", numbers, 7)


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.np_rng(SOURCE)
    popularity = np.array([1 / (rank + 1) ** 0.8 for rank in range(ARTICLES)])
    helpfulness = rng.uniform(0.45, 0.95, ARTICLES)
    helpfulness[7] = 0.0  # an article nobody finds helpful (A0008)
    offsets = np.array(OFFSETS)
    end = company.seconds(company.end_at)

    _, viewed = company.times_in_months(rng, company.monthly_counts(1500))
    count = len(viewed)
    article = rng.choice(ARTICLES, count, p=popularity / popularity.sum())
    viewer = visitors(company, rng, viewed)
    offset = offsets[rng.integers(0, len(offsets), count)]
    voted = viewed + rng.integers(20, 600, count)
    has_vote = (rng.random(count) < 0.05) & (voted < end)
    up = rng.random(count) < helpfulness[article]
    # the analytics export repeats a row now and then
    rows = np.repeat(np.arange(count), np.where(rng.random(count) < 0.005, 2, 1))
    views = {"number": rows + 1, "article": article[rows] + 1, "viewer": viewer[rows], "moment": viewed[rows]}
    views["zone"] = offset[rows]
    writer.write_text(
        SOURCE,
        "article_views",
        ["view_id", "article_id", "viewer_id", "viewed_at"],
        views,
        [padded_id("V", "number", 9), padded_id("A", "article", 4), user_id("viewer"), iso_time("moment", "zone")],
    )
    voting = np.flatnonzero(has_vote)
    votes = {
        "number": np.arange(1, len(voting) + 1),
        "article": article[voting] + 1,
        "voter": viewer[voting],
        "up": up[voting],
        "moment": voted[voting],
    }
    writer.write_text(
        SOURCE,
        "article_votes",
        ["vote_id", "article_id", "voter_id", "vote", "voted_at"],
        votes,
        [
            padded_id("W", "number", 8),
            padded_id("A", "article", 4),
            user_id("voter"),
            label("up", ["down", "up"]),
            iso_time("moment"),
        ],
    )

    _, searched = company.times_in_months(rng, company.monthly_counts(600))
    count = len(searched)
    query_weights = np.array([1 / (rank + 1) for rank in range(len(QUERIES))])
    query = rng.choice(len(QUERIES), count, p=query_weights / query_weights.sum())
    roll = rng.random(count)
    variant = np.searchsorted(np.cumsum([share for _, share in VARIANTS]), roll, side="right")
    spelling = np.where(rng.random(count) < 0.01, -1, query * (len(VARIANTS) + 1) + variant)
    spellings = [spell(text) for text in QUERIES for spell in [*(how for how, _ in VARIANTS), str]]
    searches = {"number": np.arange(1, count + 1), "query": spelling, "searcher": visitors(company, rng, searched)}
    searches["moment"] = searched
    searches["zone"] = offsets[rng.integers(0, len(offsets), count)]
    writer.write_text(
        SOURCE,
        "searches",
        ["search_id", "query", "searcher_id", "searched_at"],
        searches,
        [padded_id("Y", "number", 9), label("query", spellings), user_id("searcher"), iso_time("moment", "zone")],
    )
