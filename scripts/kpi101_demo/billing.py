"""Subscription-billing export (Stripe/Chargebee-like): customers, plans and subscriptions.

A subscription row has one plan and one quantity for its whole life; an upgrade, downgrade or
seat change ends the row and starts a new one at the same instant. Trials are free: paid
billing starts at ``trial_end_at``. The lifecycle is drawn once per company by ``build`` and
cached, so the ledger, accounting, bank and product modules describe the same subscriptions.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .core import Company, User, add_months, local_iso, weighted
from .writer import TableWriter

SOURCE = "billing"
PLANS = [
    # (plan_id, name, interval, price per seat per interval, weight when choosing)
    ("starter_m", "Starter monthly", "month", 29, 30),
    ("starter_y", "Starter annual", "year", 290, 8),
    ("team_m", "Team monthly", "month", 79, 30),
    ("team_y", "Team annual", "year", 790, 10),
    ("business_m", "Business monthly", "month", 199, 12),
]
ADDON = ("addon_m", "Analytics add-on", "month", 15, 0)
PLAN_BY_ID = {plan[0]: plan for plan in [*PLANS, ADDON]}
UPGRADE = {"starter_m": "team_m", "starter_y": "team_y", "team_m": "business_m", "team_y": "business_m"}
TRIAL_DAYS = [(14, 60), (30, 35), (45, 5)]  # (length, weight)
TRIAL_ONLY_SHARE = 0.3  # free users who start a trial and never pay
TRIAL_GRACE = dt.timedelta(days=7)  # trial_conversion_grace_days, the spec's default


@dataclass(frozen=True)
class Subscription:
    subscription_id: str
    customer_id: str
    plan_id: str
    quantity: int
    started_at: dt.datetime  # UTC
    trial_end_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    ended_at: dt.datetime | None  # exclusive; None while running

    @property
    def paid_start_at(self) -> dt.datetime:
        return self.trial_end_at or self.started_at

    @property
    def mrr(self) -> float:
        _, _, interval, price, _ = PLAN_BY_ID[self.plan_id]
        return self.quantity * price / (12 if interval == "year" else 1)

    def paid_overlap(self, start: dt.datetime, end: dt.datetime) -> float:
        """Fraction of [start, end) this subscription is paid over."""
        return paid_fraction(self.paid_start_at, self.ended_at, start, end)


def paid_fraction(paid_start: dt.datetime, ended: dt.datetime | None, start: dt.datetime, end: dt.datetime) -> float:
    """Fraction of [start, end) a span paid from paid_start until ended (None: still running) covers."""
    lo = max(start, paid_start)
    hi = min(end, ended or end)
    return max(0.0, (hi - lo).total_seconds() / (end - start).total_seconds())


@dataclass(frozen=True)
class Account:
    customer_id: str
    created_at: dt.datetime
    country: str
    utc_offset_minutes: int
    owner_user_id: str


@dataclass(frozen=True)
class Billing:
    accounts: tuple[Account, ...]
    subscriptions: tuple[Subscription, ...]
    trial_only_account_by_user: dict[str, str]


def trial_only_users(company: Company) -> dict[str, Account]:
    """Free users who open a trial account and never convert, keyed by user id (stable)."""
    rng = random.Random(f"kpi101:{company.seed}:billing.trial_only")
    accounts = {}
    for user in company.users:
        if user.customer_id is None and rng.random() < TRIAL_ONLY_SHARE:
            created = user.signed_up_at + dt.timedelta(minutes=rng.randrange(2, 90))
            if created < company.end_at:
                accounts[user.user_id] = Account(
                    f"T{user.user_id[1:]}", created, user.country, user.utc_offset_minutes, user.user_id
                )
    return accounts


# Built once per company (seed, scale, calendar) in a process: several modules share it.
_BUILT: dict[tuple, Billing] = {}


def _build(company: Company) -> Billing:
    """Draws from a stream of its own, so it only reads the company's shared entities."""
    seed = company.seed
    rng = random.Random(f"kpi101:{seed}:billing.lifecycle")
    end = company.end_at
    accounts: list[Account] = []
    subscriptions: list[Subscription] = []
    users: dict[str, User] = {user.user_id: user for user in company.users}
    grace_boundary_placed = False

    def add(customer_id, plan_id, quantity, started, trial_end=None):
        subscriptions.append(
            Subscription(
                f"sub_{len(subscriptions) + 1:07d}", customer_id, plan_id, quantity, started, trial_end, None, None
            )
        )
        return len(subscriptions) - 1

    def end_row(index, at, cancelled=None):
        row = subscriptions[index]
        subscriptions[index] = Subscription(
            row.subscription_id,
            row.customer_id,
            row.plan_id,
            row.quantity,
            row.started_at,
            row.trial_end_at,
            cancelled or at,
            at,
        )

    for customer in company.customers:
        owner = users[customer.owner_user_id]
        accounts.append(
            Account(
                customer.customer_id, customer.created_at, customer.country, owner.utc_offset_minutes, owner.user_id
            )
        )
        plan = weighted(rng, PLANS)[0]
        quantity = min(40, 1 + int(rng.expovariate(0.35)))
        started = customer.created_at
        trial_end = None
        if rng.random() < 0.6:
            trial_days = weighted(rng, TRIAL_DAYS)[0]
            trial_end = started + dt.timedelta(days=trial_days)
            if trial_end >= end:  # still trialing at export: the trial converts later
                add(customer.customer_id, plan, quantity, started, trial_end)
                continue
        if trial_end is not None and not grace_boundary_placed and trial_end + TRIAL_GRACE < end:
            # one trial lapses and converts exactly at its end plus the grace (KPI 50's boundary)
            end_row(add(customer.customer_id, plan, quantity, started, trial_end), trial_end)
            started, trial_end, grace_boundary_placed = trial_end + TRIAL_GRACE, None, True
        current = add(customer.customer_id, plan, quantity, started, trial_end)
        if rng.random() < 0.05:  # a concurrent add-on subscription
            add_on_start = (trial_end or started) + dt.timedelta(days=rng.randrange(5, 120))
            if add_on_start < end:
                addon = add(customer.customer_id, ADDON[0], rng.randrange(1, quantity + 1), add_on_start)
                stop = add_on_start + dt.timedelta(days=rng.randrange(30, 500))
                if stop < end:
                    end_row(addon, stop)
        moment = trial_end or started
        while True:
            moment += dt.timedelta(days=rng.uniform(20, 40))
            if moment >= end:
                break
            roll = rng.random()
            row = subscriptions[current]
            if roll < 0.04:  # churn (about 4% of accounts a month), sometimes coming back months later
                end_row(current, moment, moment - dt.timedelta(days=rng.randrange(0, 10)))
                if rng.random() < 0.25:
                    back = moment + dt.timedelta(days=rng.randrange(40, 200))
                    if back < end:
                        current = add(customer.customer_id, row.plan_id, row.quantity, back)
                        moment = back
                        continue
                break
            if roll < 0.048:  # cancel and resubscribe within days (same month or the next)
                end_row(current, moment)
                moment += dt.timedelta(days=rng.randrange(1, 8))
                if moment >= end:
                    break
                current = add(customer.customer_id, row.plan_id, row.quantity, moment)
            elif roll < 0.102:  # expansion: more seats or an upgrade
                end_row(current, moment)
                if row.plan_id in UPGRADE and rng.random() < 0.4:
                    current = add(customer.customer_id, UPGRADE[row.plan_id], row.quantity, moment)
                else:
                    current = add(customer.customer_id, row.plan_id, row.quantity + rng.randrange(1, 4), moment)
            elif roll < 0.122 and row.quantity > 1:  # contraction: fewer seats
                end_row(current, moment)
                current = add(customer.customer_id, row.plan_id, row.quantity - 1, moment)

    trial_only = trial_only_users(company)
    for account in trial_only.values():
        accounts.append(account)
        trial_end = account.created_at + dt.timedelta(days=14)
        index = add(account.customer_id, rng.choice(["starter_m", "team_m"]), 1, account.created_at, trial_end)
        if trial_end < end:
            end_row(index, trial_end, account.created_at + dt.timedelta(days=rng.randrange(0, 14)))
    return Billing(tuple(accounts), tuple(subscriptions), {u: a.customer_id for u, a in trial_only.items()})


def build(company: Company) -> Billing:
    """The company's billing history, drawn once and shared by every module that needs it."""
    key = (company.seed, company.scale, company.start, company.months)
    if key not in _BUILT:
        _BUILT[key] = _build(company)
    return _BUILT[key]


def status(row: Subscription, end: dt.datetime) -> str:
    if row.ended_at is not None:
        return "canceled"
    if row.trial_end_at is not None and row.trial_end_at >= end:
        return "trialing"
    return "active"


# The length of a billing period by the (year, month) it starts in and its interval in months.
_PERIOD_LENGTHS: dict[tuple[int, int, int], dt.timedelta] = {}


def _period_length(year: int, month: int, interval: int) -> dt.timedelta:
    """As many days as the ``interval`` calendar months from the first of (year, month) hold."""
    length = _PERIOD_LENGTHS.get((year, month, interval))
    if length is None:
        first = dt.date(year, month, 1)
        length = _PERIOD_LENGTHS[year, month, interval] = add_months(first, interval) - first
    return length


def current_period(row: Subscription, end: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The billing period holding the export time (or the row's last instant): each period is
    as long as the calendar months from the first of the month it starts in."""
    interval = 12 if PLAN_BY_ID[row.plan_id][2] == "year" else 1
    as_of = min(end, row.ended_at or end) - dt.timedelta(seconds=1)
    period_start = row.paid_start_at
    while True:
        following = period_start + _period_length(period_start.year, period_start.month, interval)
        if following > as_of:
            return period_start, following
        period_start = following


def generate(company: Company, writer: TableWriter) -> None:
    billing = build(company)
    rng = company.rng(SOURCE)
    offsets = {account.customer_id: account.utc_offset_minutes for account in billing.accounts}
    end = company.end_at

    def ts(value: dt.datetime | None, customer_id: str):
        return None if value is None else local_iso(value, offsets[customer_id])

    writer.write(
        SOURCE,
        "plans",
        ["plan_id", "plan_name", "billing_interval", "price"],
        [(p[0], p[1], p[2], f"{p[3]:.2f}") for p in [*PLANS, ADDON]],
    )
    writer.write(
        SOURCE,
        "customers",
        ["customer_id", "created_at", "country"],
        ((a.customer_id, local_iso(a.created_at, a.utc_offset_minutes), a.country) for a in billing.accounts),
    )

    def subscription_rows():
        for row in billing.subscriptions:
            period_start, period_end = current_period(row, end)
            out = (
                row.subscription_id,
                row.customer_id,
                row.plan_id,
                row.quantity,
                status(row, end),
                ts(row.started_at, row.customer_id),
                ts(row.started_at if row.trial_end_at else None, row.customer_id),
                ts(row.trial_end_at, row.customer_id),
                ts(period_start, row.customer_id),
                ts(period_end, row.customer_id),
                ts(row.cancelled_at, row.customer_id),
                ts(row.ended_at, row.customer_id),
            )
            yield out
            if rng.random() < 0.01:  # the export sometimes repeats a row
                yield out

    writer.write(
        SOURCE,
        "subscriptions",
        [
            "subscription_id",
            "customer_id",
            "plan_id",
            "quantity",
            "status",
            "started_at",
            "trial_start_at",
            "trial_end_at",
            "current_period_start_at",
            "current_period_end_at",
            "cancelled_at",
            "ended_at",
        ],
        subscription_rows(),
    )
