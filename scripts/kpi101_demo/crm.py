"""Sales CRM export: sales reps, leads, activities, deals and monthly targets.

Reps are the sales department's employees with their employment spells; leads are owned by a
rep active that day; deals come from sales-qualified leads (and some straight from accounts)
and close won for company customers. Shared with the SaaS domain (MRR closed vs quota).
Leads, activities and deals are drawn as numpy columns; reps and targets row by row.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from . import csvtext
from .core import COUNTRIES, Company, add_months
from .writer import TableWriter, iso_time, label, padded_id

SOURCE = "crm"
TEAMS = ["east", "west", "central", "emea"]
LEAD_SOURCES = [("inbound", 45), ("outbound", 25), ("event", 12), ("partner", 10), ("referral", 8)]
ACTIVITY_TYPES = [("email", 45), ("call", 35), ("meeting", 14), ("demo", 6)]
ACTIVITY_STATUSES = [("completed", 92), ("scheduled", 3), ("cancelled", 5)]
STAGES = ["open", "closed_won", "closed_lost"]
HOUR = 3600
DAY = 86_400


def _codes(rng: np.random.Generator, options: list[tuple], count: int) -> np.ndarray:
    """Indexes into ``options``, drawn with the weight in each option's last position."""
    weights = np.array([option[-1] for option in options], dtype=float)
    return rng.choice(len(options), count, p=weights / weights.sum())


def _employee_id(number: str) -> str:
    return padded_id("E", number, 6)


def _optional_id(prefix: str, index: str, width: int) -> str:
    """SQL of the id numbered ``index`` + 1 (ids count from 1), null where ``index`` is -1."""
    return f"case when {index} >= 0 then {padded_id(prefix, f'{index} + 1', width)} end"


class _Calendar:
    """Who can own a lead on a day, and which accounts were won near a month, as arrays."""

    def __init__(self, company: Company, rng: np.random.Generator) -> None:
        self.rng = rng
        self.start = company.seconds(company.start_at)
        self.days = (company.end - company.start).days
        reps = company.employees_in("sales")
        self.rep_numbers = np.array([int(rep.employee_id[1:]) for rep in reps] or [0], dtype=np.int64)
        active = np.zeros((self.days, len(self.rep_numbers)), dtype=bool)
        for index, rep in enumerate(reps):
            for spell in rep.spells:
                first = max((spell.start_date - company.start).days, 0)
                after = (
                    self.days if spell.termination_date is None else (spell.termination_date - company.start).days + 1
                )
                active[first : max(first, min(after, self.days)), index] = True
        self.active_count = active.sum(axis=1)
        self.active_first = np.argsort(~active, axis=1, kind="stable")  # each day's active reps first, in rep order
        month_of_day = np.zeros(self.days, dtype=np.int64)
        for month_index, first_day in enumerate(company.month_starts):
            month_of_day[(first_day - company.start).days :] = month_index
        self.month_of_day = month_of_day
        # Accounts by the month they were created in; a month without one borrows a neighbour's.
        months = company.months
        by_month: list[list[int]] = [[] for _ in range(months)]
        for customer in company.customers:
            index = (
                (customer.created_at.year - company.start.year) * 12 + customer.created_at.month - company.start.month
            )
            by_month[index].append(int(customer.customer_id[1:]))
        self.account_numbers = np.array([number for numbers in by_month for number in numbers], dtype=np.int64)
        count = np.array([len(numbers) for numbers in by_month], dtype=np.int64)
        first = np.concatenate([[0], np.cumsum(count)[:-1]])
        nearest = np.full(months, -1, dtype=np.int64)
        for month in range(months):
            for step in (0, -1, 1, -2):
                if 0 <= month + step < months and count[month + step]:
                    nearest[month] = month + step
                    break
        self.near_first = np.where(nearest >= 0, first[nearest], 0)
        self.near_count = np.where(nearest >= 0, count[nearest], 0)

    def day(self, seconds: np.ndarray) -> np.ndarray:
        return np.clip((seconds - self.start) // DAY, 0, self.days - 1)

    def rep_on(self, seconds: np.ndarray) -> np.ndarray:
        """A rep active on each instant's day (any rep on a day without one), as employee numbers."""
        day = self.day(seconds)
        active = self.active_count[day]
        draw = self.rng.random(len(seconds))
        any_rep = (draw * len(self.rep_numbers)).astype(np.int64)
        active_rep = self.active_first[day, np.minimum((draw * active).astype(np.int64), np.maximum(active - 1, 0))]
        return self.rep_numbers[np.where(active > 0, active_rep, any_rep)]

    def account_near(self, seconds: np.ndarray) -> np.ndarray:
        """An account created in the instant's month (or a neighbour's), -1 if there is none."""
        if len(self.account_numbers) == 0:
            return np.full(len(seconds), -1, dtype=np.int64)
        month = self.month_of_day[self.day(seconds)]
        count = self.near_count[month]
        pick = self.near_first[month] + (self.rng.random(len(seconds)) * count).astype(np.int64)
        return np.where(count > 0, self.account_numbers[np.minimum(pick, max(len(self.account_numbers) - 1, 0))], -1)


def generate(company: Company, writer: TableWriter) -> None:
    row_rng = company.rng(SOURCE)
    rng = company.np_rng(SOURCE)
    calendar = _Calendar(company, rng)
    end = company.seconds(company.end_at)
    country_offsets = np.array([offset for _, offset, _ in COUNTRIES], dtype=np.int64)

    def zones(count: int) -> np.ndarray:
        return country_offsets[_codes(rng, COUNTRIES, count)]

    def hours(low: float, high: float, count: int) -> np.ndarray:
        return (rng.uniform(low, high, count) * HOUR).astype(np.int64)

    reps = company.employees_in("sales")
    rep_rows = []
    for rep in reps:
        team = row_rng.choice(TEAMS)
        for spell in rep.spells:
            rep_rows.append((rep.employee_id, team, spell.start_date, spell.termination_date))

    # Leads: created through the month, half become MQLs and some of those SQLs within months.
    _, created = company.times_in_months(rng, company.monthly_counts(60))
    leads = len(created)
    owner = np.where(rng.random(leads) > 0.05, calendar.rep_on(created), -1)
    mql = np.where(rng.random(leads) < 0.5, created + hours(1, 24 * 20, leads), -1)
    sql = np.where((mql >= 0) & (rng.random(leads) < 0.45), mql + hours(2, 24 * 110, leads), -1)
    mql = np.where(mql < end, mql, -1)
    sql = np.where(sql < end, sql, -1)
    lead_zone = zones(leads)
    lead_source = np.where(rng.random(leads) > 0.03, _codes(rng, LEAD_SOURCES, leads), -1)

    # Deals: from most SQLs, owned by the lead's owner, and some opened straight on an account.
    from_lead = np.flatnonzero((sql >= 0) & (rng.random(leads) < 0.65))
    lead_deal_rep = np.where(owner[from_lead] >= 0, owner[from_lead], calendar.rep_on(sql[from_lead]))
    _, direct_created = company.times_in_months(rng, company.monthly_counts(4))
    deal_lead = np.concatenate([from_lead, np.full(len(direct_created), -1)])
    deal_created = np.concatenate([sql[from_lead] + hours(0, 24 * 10, len(from_lead)), direct_created])
    deal_rep = np.concatenate([lead_deal_rep, calendar.rep_on(direct_created)])
    opened = np.flatnonzero(deal_created < end)
    opened = opened[np.argsort(deal_created[opened], kind="stable")]
    deal_lead, deal_created, deal_rep = deal_lead[opened], deal_created[opened], deal_rep[opened]
    deals = len(opened)
    cycle_days = np.where(rng.random(deals) > 0.05, rng.exponential(45, deals).astype(np.int64), 0)
    close = (deal_created // DAY + cycle_days) * DAY  # the close date's midnight (UTC)
    amount_cents = np.round(rng.lognormal(9.0, 0.6, deals) * 100).astype(np.int64)
    stage = np.where(close >= end, 0, np.where(rng.random(deals) < 0.42, 1, 2))
    account = np.where(
        stage == 1, calendar.account_near(np.minimum(close, end - 1)), calendar.account_near(deal_created)
    )
    open_deal = stage == 0
    amount = np.where(open_deal & (rng.random(deals) < 0.1), -1, amount_cents)
    mrr = np.where(open_deal & (rng.random(deals) < 0.1), -1, np.round(amount_cents / 12).astype(np.int64))
    converted = np.full(leads, -1, dtype=np.int64)
    won_from_lead = (stage == 1) & (deal_lead >= 0)
    converted[deal_lead[won_from_lead]] = account[won_from_lead]

    # Activities: 85% of leads are contacted (a first touch and up to three more), and each
    # deal gets up to five between its creation and the evening of its close date.
    contacted = np.flatnonzero(rng.random(leads) < 0.85)
    worker = np.where(owner[contacted] >= 0, owner[contacted], calendar.rep_on(created[contacted]))
    first = created[contacted] + (rng.exponential(18, len(contacted)) * HOUR).astype(np.int64)
    touches = 1 + rng.integers(0, 4, len(contacted))
    touch_of = np.repeat(np.arange(len(contacted)), touches)
    later = np.ones(len(touch_of), dtype=bool)
    later[np.concatenate([[0], np.cumsum(touches)[:-1]])] = False
    lead_at = first[touch_of] + np.where(later, hours(1, 24 * 30, len(touch_of)), 0)
    deal_of = np.repeat(np.arange(deals), rng.integers(0, 6, deals))
    span = np.maximum(close[deal_of] + 18 * HOUR - deal_created[deal_of], HOUR)
    deal_at = deal_created[deal_of] + (rng.random(len(deal_of)) * span).astype(np.int64)
    activity = {
        "rep": np.concatenate([worker[touch_of], deal_rep[deal_of]]),
        "lead": np.concatenate([contacted[touch_of], np.full(len(deal_of), -1)]),
        "deal": np.concatenate([np.full(len(touch_of), -1), deal_of]),
        "at": np.concatenate([lead_at, deal_at]),
    }
    logged = np.flatnonzero(activity["at"] < end)
    logged = logged[np.argsort(activity["at"][logged], kind="stable")]
    activity = {name: values[logged] for name, values in activity.items()}
    count = len(logged)
    activity["number"] = np.arange(1, count + 1)
    activity["type"] = _codes(rng, ACTIVITY_TYPES, count)
    activity["status"] = _codes(rng, ACTIVITY_STATUSES, count)
    activity["completed"] = np.where(activity["status"] == 0, activity["at"], -1)
    activity["zone"] = zones(count)

    target_rows = []
    for month_start in company.month_starts:
        month_end = add_months(month_start, 1) - dt.timedelta(days=1)
        for rep in reps:
            active = any(
                s.start_date <= month_end and (s.termination_date is None or s.termination_date >= month_start)
                for s in rep.spells
            )
            if active:
                quota = round(row_rng.uniform(1_500, 3_500), -1)
                target_rows.append((month_start, rep.employee_id, quota, row_rng.randrange(3, 8)))

    writer.write(SOURCE, "sales_reps", ["rep_id", "team", "active_from", "active_to"], rep_rows)
    writer.write_text(
        SOURCE,
        "leads",
        ["lead_id", "created_at", "mql_at", "sql_at", "lead_source", "owner_id", "converted_account_id"],
        {
            "number": np.arange(1, leads + 1),
            "created": created,
            "mql": mql,
            "sql": sql,
            "zone": lead_zone,
            "source": lead_source,
            "owner": owner,
            "account": converted,
        },
        [
            csvtext.padded_id("L", "number", 7),
            csvtext.iso_time("created", "zone"),
            csvtext.iso_time("mql", "zone"),
            csvtext.iso_time("sql", "zone"),
            csvtext.label("source", [name for name, _ in LEAD_SOURCES]),
            csvtext.padded_id("E", "owner", 6),
            csvtext.padded_id("C", "account", 7),
        ],
    )
    writer.write_text(
        SOURCE,
        "activities",
        ["activity_id", "activity_type", "owner_id", "lead_id", "deal_id", "status", "completed_at"],
        activity,
        [
            csvtext.padded_id("A", "number", 8),
            csvtext.label("type", [name for name, _ in ACTIVITY_TYPES]),
            csvtext.padded_id("E", "rep", 6),
            csvtext.padded_id("L", "lead", 7, plus=1),  # null where there is no lead (-1)
            csvtext.padded_id("D", "deal", 7, plus=1),
            csvtext.label("status", [name for name, _ in ACTIVITY_STATUSES]),
            csvtext.iso_time("completed", "zone"),
        ],
        copies=np.where(rng.random(count) < 0.01, 2, 1),  # the export repeats a row now and then
    )
    writer.write_frame(
        SOURCE,
        "deals",
        ["deal_id", "lead_id", "account_id", "owner_id", "created_at", "close_date", "stage", "amount", "mrr"],
        {
            "number": np.arange(1, deals + 1),
            "lead": deal_lead,
            "account": account,
            "rep": deal_rep,
            "created": deal_created,
            "zone": zones(deals),
            "close": np.where(open_deal, -1, close),
            "stage": stage,
            "amount": amount,
            "mrr": mrr,
        },
        [
            padded_id("D", "number", 7),
            _optional_id("L", "lead", 7),
            f"case when account >= 0 then {padded_id('C', 'account', 7)} end",
            _employee_id("rep"),
            iso_time("created", "zone"),
            "strftime(make_timestamp(nullif(close, -1) * 1000000), '%Y-%m-%d')",
            label("stage", STAGES),
            "case when amount >= 0 then printf('%.2f', amount / 100) end",
            "case when mrr >= 0 then printf('%.2f', mrr / 100) end",
        ],
    )
    writer.write(SOURCE, "sales_targets", ["target_month", "rep_id", "mrr_quota", "pipeline_target_count"], target_rows)
