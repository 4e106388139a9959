"""Web-analytics export: sessions, pageviews and goal conversions on the company's website.

Three kinds of visitors: anonymous visitors who never sign up (most of the traffic), product
users who browse a few times before their sign-up session (the first one arriving through
their acquisition channel), and customers who come back logged in (customer_id set) after
converting. Traffic grows and follows the company's seasonality.
"""

from __future__ import annotations

import datetime as dt
import random

from .core import ACQUISITION_CHANNELS, COUNTRIES, Company, local_time, weighted
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


def _search(rng: random.Random, source: str, branded_share: float) -> tuple[str | None, bool | None]:
    if source not in ("organic_search", "paid_search"):
        return None, None
    if source == "organic_search" and rng.random() < 0.4:
        return "(not provided)", None  # the engine hides the keyword: the tool cannot classify it
    if rng.random() < branded_share:
        return rng.choice(BRANDED_TERMS), True
    return rng.choice(GENERIC_TERMS), False


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    channel_options = [(channel, weight) for channel, _, weight in ACQUISITION_CHANNELS]
    # (started_at UTC, visitor_id, customer_id, traffic source, utc offset, goal or None)
    plans: list[tuple[dt.datetime, str, str | None, str, int, str | None]] = []

    # Anonymous visitors: a growing pool, some of whom come back in later sessions.
    anonymous: list[tuple[str, int]] = []
    for month_index in range(company.months):
        for _ in range(company.scaled(380 * company.growth(month_index))):
            if anonymous and rng.random() < 0.3:
                visitor_id, offset = rng.choice(anonymous)
            else:
                visitor_id, offset = f"VA{len(anonymous) + 1:08d}", weighted(rng, COUNTRIES)[1]
                anonymous.append((visitor_id, offset))
            goal = None
            if rng.random() < 0.04:
                goal = rng.choice(["download", "newsletter", "demo_request"])
            plans.append(
                (
                    company.random_time_in_month(rng, month_index),
                    visitor_id,
                    None,
                    weighted(rng, channel_options)[0],
                    offset,
                    goal,
                )
            )

    # Product users: a few visits before the sign-up session, which comes from their channel.
    customer_of_user = {customer.owner_user_id: customer for customer in company.customers}
    for number, user in enumerate(company.users):
        visitor_id = f"VU{number + 1:08d}"
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            before = user.signed_up_at - dt.timedelta(hours=rng.uniform(2, 24 * 40))
            if before >= company.start_at:
                plans.append(
                    (before, visitor_id, None, weighted(rng, channel_options)[0], user.utc_offset_minutes, None)
                )
        signup_start = user.signed_up_at - dt.timedelta(minutes=rng.uniform(2, 25))
        if signup_start >= company.start_at:
            plans.append((signup_start, visitor_id, None, user.acquisition_channel, user.utc_offset_minutes, "signup"))
        customer = customer_of_user.get(user.user_id)
        if customer is None:
            continue
        # Purchase session, then logged-in visits about monthly until the end of the data.
        plans.append(
            (
                customer.created_at - dt.timedelta(minutes=rng.uniform(1, 4)),
                visitor_id,
                customer.customer_id,
                "direct",
                user.utc_offset_minutes,
                "purchase",
            )
        )
        visit = customer.created_at
        while True:
            visit += dt.timedelta(days=rng.expovariate(1 / 35))
            if visit >= company.end_at or rng.random() < 0.02:
                break
            source = rng.choice(["direct", "direct", "email", "organic_search"])
            plans.append((visit, visitor_id, customer.customer_id, source, user.utc_offset_minutes, None))

    plans.sort(key=lambda plan: (plan[0], plan[1]))
    pageviews: list[tuple] = []
    conversions: list[tuple] = []

    def session_rows():
        for number, (started, visitor_id, customer_id, source, offset, goal) in enumerate(plans, start=1):
            session_id = f"S{number:08d}"
            month_index = (started.year - company.start.year) * 12 + started.month - company.start.month
            term, branded = _search(rng, source, branded_share=0.3 + 0.01 * month_index)
            landing = weighted(rng, LANDING_PAGES[source])[0]
            if goal == "signup":
                landing = rng.choice([landing, "/signup"])
            roll = rng.random()
            count = 0 if roll < 0.01 else 1 if roll < 0.42 else min(12, 2 + int(rng.expovariate(0.5)))
            if goal is not None:
                count = max(count, 2)
            viewed = started
            for page_number in range(count):
                path = landing if page_number == 0 else rng.choice(NEXT_PAGES)
                pageviews.append((f"{session_id}-{page_number + 1}", session_id, path, local_time(viewed, offset)))
                viewed += dt.timedelta(seconds=rng.randrange(5, 240))
            if goal is not None:
                conversions.append((f"G{session_id[1:]}", session_id, goal, local_time(viewed, offset)))
            row = (
                session_id,
                visitor_id,
                customer_id,
                local_time(started, offset),
                None if rng.random() < 0.005 else landing,  # the tool misses the landing page now and then
                source,
                MEDIUM[source],
                term,
                branded,
            )
            yield row
            if rng.random() < 0.003:  # an exact duplicate export row
                yield row

    def pageview_rows():
        for row in pageviews:
            yield row
            if rng.random() < 0.002:
                yield row

    writer.write(SOURCE, "sessions", SESSION_COLUMNS, session_rows())
    writer.write(SOURCE, "pageviews", ["pageview_id", "session_id", "page_path", "viewed_at"], pageview_rows())
    writer.write(SOURCE, "goal_conversions", ["conversion_id", "session_id", "goal_name", "converted_at"], conversions)
