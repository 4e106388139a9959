"""Product-analytics export: users (the company's sign-ups, linked to their billing account)
and events: usage pings, the activation milestone and the onboarding steps, in each user's
local time zone."""

from __future__ import annotations

import datetime as dt

from . import billing
from .core import Company, local_time
from .writer import TableWriter

SOURCE = "product"
ONBOARDING_STEPS = ["profile_completed", "integration_connected", "teammate_invited"]
USAGE_EVENTS = ["page_viewed", "page_viewed", "report_created", "dashboard_shared"]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    billing_data = billing.build(company)
    trial_accounts = billing_data.trial_only_account_by_user
    account_created = {account.customer_id: account.created_at for account in billing_data.accounts}
    end = company.end_at

    writer.write(
        SOURCE,
        "users",
        ["user_id", "account_id", "signed_up_at", "country"],
        (
            (
                user.user_id,
                user.customer_id or trial_accounts.get(user.user_id),
                local_time(user.signed_up_at, user.utc_offset_minutes),
                user.country,
            )
            for user in company.users
        ),
    )

    def rows():
        number = 0
        for user in company.users:
            events: list[tuple[str, dt.datetime]] = []
            account_id = user.customer_id or trial_accounts.get(user.user_id)
            if rng.random() < 0.62:
                delay_hours = rng.expovariate(1 / 60) if rng.random() < 0.85 else rng.uniform(170, 400)
                events.append(("activated", user.signed_up_at + dt.timedelta(hours=delay_hours)))
            if account_id in account_created:
                created = account_created[account_id]
                for step in ONBOARDING_STEPS:
                    if rng.random() < 0.8:
                        events.append((step, created + dt.timedelta(hours=rng.expovariate(1 / 150))))
            lifetime_days = rng.expovariate(1 / (240 if user.customer_id else 25))
            day = user.signed_up_at
            while (day - user.signed_up_at).days < lifetime_days:
                if rng.random() < 0.3:
                    events.append((rng.choice(USAGE_EVENTS), day + dt.timedelta(minutes=rng.randrange(0, 1440))))
                day += dt.timedelta(days=1)
            for name, at in events:
                if at >= end:
                    continue
                number += 1
                row = (f"EV{number:09d}", user.user_id, name, local_time(at, user.utc_offset_minutes))
                yield row
                if rng.random() < 0.005:  # the SDK sometimes sends an event twice
                    yield row

    writer.write(SOURCE, "events", ["event_id", "user_id", "event_name", "occurred_at"], rows())
