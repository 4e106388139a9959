"""Product-analytics export: users (the company's sign-ups, linked to their billing account)
and events: usage pings, the activation milestone and the onboarding steps, in each user's
local time zone."""

from __future__ import annotations

import numpy as np

from . import billing
from .core import Company, local_iso
from .csvtext import iso_time, label, padded_id
from .writer import TableWriter

SOURCE = "product"
ONBOARDING_STEPS = ["profile_completed", "integration_connected", "teammate_invited"]
USAGE_EVENTS = ["page_viewed", "page_viewed", "report_created", "dashboard_shared"]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    # billing's accounts (every customer, and the trial-only ones) without drawing its history
    trial_only = billing.trial_only_users(company)
    trial_accounts = {user_id: account.customer_id for user_id, account in trial_only.items()}
    account_created = {customer.customer_id: customer.created_at for customer in company.customers}
    account_created |= {account.customer_id: account.created_at for account in trial_only.values()}
    end = company.end_at

    writer.write(
        SOURCE,
        "users",
        ["user_id", "account_id", "signed_up_at", "country"],
        (
            (
                user.user_id,
                user.customer_id or trial_accounts.get(user.user_id),
                local_iso(user.signed_up_at, user.utc_offset_minutes),
                user.country,
            )
            for user in company.users
        ),
    )

    # Events of each user: the activation milestone (most users), the onboarding steps (users
    # with an account), then usage on about 30% of the days of the user's lifetime.
    rng = company.np_rng(SOURCE)
    users = company.users
    count = len(users)
    signed_up = np.array([company.seconds(user.signed_up_at) for user in users], dtype=np.int64)
    account_ids = [user.customer_id or trial_accounts.get(user.user_id) for user in users]
    account_start = np.array(
        [company.seconds(account_created[a]) if a in account_created else -1 for a in account_ids], dtype=np.int64
    )
    paying = np.array([user.customer_id is not None for user in users])
    parts = []

    activated = rng.random(count) < 0.62
    delay_hours = np.where(rng.random(count) < 0.85, rng.exponential(60, count), rng.uniform(170, 400, count))
    parts.append((np.flatnonzero(activated), (signed_up + delay_hours * 3600)[activated], 0))
    for step in range(len(ONBOARDING_STEPS)):
        done = (account_start >= 0) & (rng.random(count) < 0.8)
        parts.append((np.flatnonzero(done), (account_start + rng.exponential(150 * 3600, count))[done], 1 + step))
    lifetime_days = np.ceil(rng.exponential(np.where(paying, 240, 25))).astype(np.int64)
    usage_days = rng.binomial(lifetime_days, 0.3)
    user = np.repeat(np.arange(count), usage_days)
    day = np.sort(user * 100_000 + (rng.random(len(user)) * lifetime_days[user]).astype(np.int64)) % 100_000
    at = signed_up[user] + day * 86_400 + rng.integers(0, 1440, len(user)) * 60
    usage = 1 + len(ONBOARDING_STEPS) + rng.integers(0, len(USAGE_EVENTS), len(user))
    parts.append((user, at, usage))

    user = np.concatenate([part[0] for part in parts])
    at = np.concatenate([part[1] for part in parts]).astype(np.int64)
    name = np.concatenate([np.broadcast_to(part[2], part[0].shape) for part in parts])
    order = np.lexsort((np.arange(len(user)), user))
    user, at, name = user[order], at[order], name[order]
    kept = at < company.seconds(end)
    user, at, name = user[kept], at[kept], name[kept]
    repeated = np.repeat(np.arange(len(user)), np.where(rng.random(len(user)) < 0.005, 2, 1))  # sent twice by the SDK
    offsets = np.array([u.utc_offset_minutes for u in users], dtype=np.int64)
    writer.write_text(
        SOURCE,
        "events",
        ["event_id", "user_id", "event_name", "occurred_at"],
        {
            "number": repeated + 1,
            "user": user[repeated] + 1,
            "name": name[repeated],
            "moment": at[repeated],
            "zone": offsets[user[repeated]],
        },
        [
            padded_id("EV", "number", 9),
            padded_id("U", "user", 7),
            label("name", ["activated", *ONBOARDING_STEPS, *USAGE_EVENTS]),
            iso_time("moment", "zone"),
        ],
    )
