"""Web-analytics export: sessions, pageviews and goal conversions on the company's website.

Three kinds of visitors: anonymous visitors who never sign up (most of the traffic), product
users who browse a few times before their sign-up session (the first one arriving through
their acquisition channel), and customers who come back logged in (customer_id set) after
converting. Traffic grows and follows the company's seasonality.
"""

from __future__ import annotations

import numpy as np

from .core import ACQUISITION_CHANNELS, COUNTRIES, Company
from .csvtext import boolean, concatenated, integer, iso_time, label, literal, padded_id
from .writer import TableWriter

SOURCE = "web"
MEDIUM = {
    "paid_search": "cpc",
    "paid_social": "social",
    "display": "display",
    "organic_search": "organic",
    "direct": "none",
    "referral": "referral",
    "email": "email",
}
LANDING_PAGES = {
    # traffic source: landing pages (path, weight)
    "paid_search": [("/", 3), ("/pricing", 5), ("/features", 2)],
    "paid_social": [("/", 3), ("/features", 3), ("/blog", 2)],
    "display": [("/", 5), ("/pricing", 2)],
    "organic_search": [("/", 4), ("/blog", 5), ("/features", 2), ("/docs", 2), ("/pricing", 1)],
    "direct": [("/", 6), ("/login", 4), ("/pricing", 1)],
    "referral": [("/", 3), ("/blog", 2), ("/signup", 2)],
    "email": [("/blog", 4), ("/features", 2), ("/pricing", 1)],
}
NEXT_PAGES = ["/", "/pricing", "/features", "/blog", "/docs", "/signup", "/about", "/integrations", "/customers"]
BRANDED_TERMS = ["acme", "acme login", "acme pricing", "acme crm", "acme reviews"]
GENERIC_TERMS = ["crm software", "best crm for startups", "sales pipeline tool", "customer database", "crm pricing"]
SESSION_COLUMNS = [
    "session_id",
    "visitor_id",
    "customer_id",
    "started_at",
    "landing_page",
    "traffic_source",
    "medium",
    "search_term",
    "is_branded_search",
]


PAGES = sorted({path for pages in LANDING_PAGES.values() for path, _ in pages} | set(NEXT_PAGES))
SOURCES = [channel for channel, _, _ in ACQUISITION_CHANNELS]
TERMS = [*BRANDED_TERMS, *GENERIC_TERMS, "(not provided)"]  # the engine hides some keywords
GOALS = ["download", "newsletter", "demo_request", "signup", "purchase"]
ANONYMOUS, USER = 0, 1  # kinds of visitor ids: VA... and VU...


def _weighted_codes(rng: np.random.Generator, weights: list[float], count: int) -> np.ndarray:
    probabilities = np.array(weights, dtype=float)
    return rng.choice(len(weights), count, p=probabilities / probabilities.sum())


def _plans(company: Company, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Every session to come, unsorted: start (Unix seconds), visitor kind and number, customer
    number (-1 when not logged in), traffic source, UTC offset and goal (codes; -1 for none)."""
    channel_weights = [weight for _, _, weight in ACQUISITION_CHANNELS]
    parts: list[dict[str, np.ndarray]] = []

    # Anonymous visitors: a growing pool, some of whom come back in later sessions.
    _, started = company.times_in_months(rng, company.monthly_counts(380))
    count = len(started)
    new_visitor = rng.random(count) >= 0.3
    new_visitor[0] = True
    pool_size = np.cumsum(new_visitor)
    returning = 1 + (rng.random(count) * pool_size).astype(np.int64)  # one of the pool so far
    visitor = np.where(new_visitor, pool_size, returning)
    offset_of_visitor = np.array([offset for _, offset, _ in COUNTRIES])[
        _weighted_codes(rng, [weight for _, _, weight in COUNTRIES], pool_size[-1] + 1)
    ]
    goal = np.where(rng.random(count) < 0.04, rng.integers(0, 3, count), -1)
    source = _weighted_codes(rng, channel_weights, count)
    parts.append(
        dict(
            start=started,
            kind=np.full(count, ANONYMOUS),
            visitor=visitor,
            customer=np.full(count, -1),
            source=source,
            zone=offset_of_visitor[visitor],
            goal=goal,
        )
    )

    # Product users: a few visits before the sign-up session, which comes from their channel.
    users = company.users
    signed_up = np.array([company.seconds(user.signed_up_at) for user in users], dtype=np.int64)
    user_offset = np.array([user.utc_offset_minutes for user in users])
    number = np.arange(1, len(users) + 1)
    start = company.seconds(company.start_at)
    end = company.seconds(company.end_at)
    visits_before = np.array([0, 1, 1, 2, 3])[rng.integers(0, 5, len(users))]
    owner = np.repeat(np.arange(len(users)), visits_before)
    before = signed_up[owner] - (rng.uniform(2, 24 * 40, len(owner)) * 3600).astype(np.int64)
    kept = before >= start
    owner, before = owner[kept], before[kept]
    parts.append(
        dict(
            start=before,
            kind=np.full(len(owner), USER),
            visitor=number[owner],
            customer=np.full(len(owner), -1),
            source=_weighted_codes(rng, channel_weights, len(owner)),
            zone=user_offset[owner],
            goal=np.full(len(owner), -1),
        )
    )
    signup_start = signed_up - (rng.uniform(2, 25, len(users)) * 60).astype(np.int64)
    kept = signup_start >= start
    channel = np.array([SOURCES.index(user.acquisition_channel) for user in users])
    parts.append(
        dict(
            start=signup_start[kept],
            kind=np.full(kept.sum(), USER),
            visitor=number[kept],
            customer=np.full(kept.sum(), -1),
            source=channel[kept],
            zone=user_offset[kept],
            goal=np.full(kept.sum(), GOALS.index("signup")),
        )
    )

    # Purchase session, then logged-in visits about monthly until the end of the data.
    index_of_user = {user.user_id: index for index, user in enumerate(users)}
    buyer = np.array([index_of_user[customer.owner_user_id] for customer in company.customers], dtype=np.int64)
    created = np.array([company.seconds(customer.created_at) for customer in company.customers], dtype=np.int64)
    customer_number = np.array([int(customer.customer_id[1:]) for customer in company.customers], dtype=np.int64)
    count = len(buyer)
    parts.append(
        dict(
            start=created - (rng.uniform(1, 4, count) * 60).astype(np.int64),
            kind=np.full(count, USER),
            visitor=number[buyer],
            customer=customer_number,
            source=np.full(count, SOURCES.index("direct")),
            zone=user_offset[buyer],
            goal=np.full(count, GOALS.index("purchase")),
        )
    )
    revisit_sources = np.array([SOURCES.index(name) for name in ["direct", "direct", "email", "organic_search"]])
    active, visit = np.arange(count), created.copy()
    while len(active):
        visit = visit + (rng.exponential(35, len(active)) * 86_400).astype(np.int64)
        going_on = (visit < end) & (rng.random(len(active)) >= 0.02)
        active, visit = active[going_on], visit[going_on]
        parts.append(
            dict(
                start=visit,
                kind=np.full(len(active), USER),
                visitor=number[buyer[active]],
                customer=customer_number[active],
                source=revisit_sources[rng.integers(0, 4, len(active))],
                zone=user_offset[buyer[active]],
                goal=np.full(len(active), -1),
            )
        )
    return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.np_rng(SOURCE)
    plans = _plans(company, rng)
    order = np.lexsort((plans["visitor"], plans["kind"], plans["start"]))
    session = {name: values[order] for name, values in plans.items()}
    del plans, order
    count = len(session["start"])
    session["number"] = np.arange(1, count + 1)
    first_month = company.start.year * 12 + company.start.month - 1
    started_month = (
        session["start"].astype("datetime64[s]").astype("datetime64[M]").astype(np.int64) + 1970 * 12 - first_month
    )
    source = session["source"]

    # Search terms: only search traffic; organic search often hides it; branded share grows.
    searched = (source == SOURCES.index("organic_search")) | (source == SOURCES.index("paid_search"))
    hidden = (source == SOURCES.index("organic_search")) & (rng.random(count) < 0.4)
    branded = rng.random(count) < 0.3 + 0.01 * started_month
    term = np.where(
        branded,
        rng.integers(0, len(BRANDED_TERMS), count),
        len(BRANDED_TERMS) + rng.integers(0, len(GENERIC_TERMS), count),
    )
    session["term"] = np.where(~searched, -1, np.where(hidden, len(TERMS) - 1, term))
    session["branded"] = np.where(~searched | hidden, -1, branded.astype(np.int64))

    landing = np.zeros(count, dtype=np.int64)
    for code, name in enumerate(SOURCES):
        chosen = np.flatnonzero(source == code)
        pages = LANDING_PAGES[name]
        picked = _weighted_codes(rng, [weight for _, weight in pages], len(chosen))
        landing[chosen] = np.array([PAGES.index(path) for path, _ in pages])[picked]
    goal = session["goal"]
    signup_page = (goal == GOALS.index("signup")) & (rng.random(count) < 0.5)
    landing[signup_page] = PAGES.index("/signup")
    roll = rng.random(count)
    pages_seen = np.where(
        roll < 0.01, 0, np.where(roll < 0.42, 1, np.minimum(12, 2 + rng.exponential(2, count).astype(np.int64)))
    )
    pages_seen = np.where(goal >= 0, np.maximum(pages_seen, 2), pages_seen)

    # Pageviews: the landing page, then others, each viewed 5-240 s after the previous one
    # (about 7 million at scale 100: small dtypes, temporaries dropped early).
    of_session = np.repeat(np.arange(count, dtype=np.int32), pages_seen)
    first_of_session = np.cumsum(pages_seen) - pages_seen
    first_view = first_of_session[of_session]
    page_number = (np.arange(len(of_session)) - first_view).astype(np.int8)
    gap = rng.integers(5, 240, len(of_session))
    seconds_in = np.cumsum(gap) - gap
    seconds_in -= seconds_in[first_view]
    del first_view
    next_pages = np.array([PAGES.index(page) for page in NEXT_PAGES], dtype=np.int8)
    path = np.where(
        page_number == 0, landing[of_session], next_pages[rng.integers(0, len(NEXT_PAGES), len(of_session))]
    )
    session_end = session["start"].copy()
    has_pages = pages_seen > 0
    last_view = first_of_session[has_pages] + pages_seen[has_pages] - 1
    session_end[has_pages] += seconds_in[last_view] + gap[last_view]
    del gap, last_view

    session["landing"] = np.where(rng.random(count) < 0.005, -1, landing)  # the tool misses some
    writer.write_text(
        SOURCE,
        "sessions",
        SESSION_COLUMNS,
        session | {"known": session["kind"] != ANONYMOUS},
        [
            padded_id("S", "number", 8),
            concatenated(label("known", ["VA", "VU"]), padded_id("", "visitor", 8)),
            padded_id("C", "customer", 7),
            iso_time("start", "zone"),
            label("landing", PAGES),
            label("source", SOURCES),
            label("source", [MEDIUM[name] for name in SOURCES]),
            label("term", TERMS),
            boolean("branded"),
        ],
        copies=np.where(rng.random(count) < 0.003, 2, 1),  # duplicate export rows
    )

    views = {
        "session": of_session + 1,
        "page": page_number + 1,
        "path": path.astype(np.int8),
        "moment": session["start"][of_session] + seconds_in,
        "zone": session["zone"][of_session],
    }
    del path, seconds_in, page_number
    writer.write_text(
        SOURCE,
        "pageviews",
        ["pageview_id", "session_id", "page_path", "viewed_at"],
        views,
        [
            concatenated(padded_id("S", "session", 8), literal("-"), integer("page")),
            padded_id("S", "session", 8),
            label("path", PAGES),
            iso_time("moment", "zone"),
        ],
        copies=np.where(rng.random(len(of_session)) < 0.002, 2, 1),
    )
    del views
    converted = np.flatnonzero(goal >= 0)
    writer.write_text(
        SOURCE,
        "goal_conversions",
        ["conversion_id", "session_id", "goal_name", "converted_at"],
        {
            "session": converted + 1,
            "goal": goal[converted],
            "moment": session_end[converted],
            "zone": session["zone"][converted],
        },
        [padded_id("G", "session", 8), padded_id("S", "session", 8), label("goal", GOALS), iso_time("moment", "zone")],
    )
