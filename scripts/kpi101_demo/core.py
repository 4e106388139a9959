"""The entities every source system of the demo company shares.

Everything is drawn from ``random.Random`` streams seeded by (seed, name), so one module's
changes never shift another's data, and the same arguments always give the same files.
Sizes grow linearly with ``scale``; the calendar does not.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import math
import random
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

COUNTRIES = [
    # (country, UTC offset in minutes of the customers' local time, weight)
    ("US", -300, 40),
    ("US", -480, 15),
    ("GB", 0, 12),
    ("DE", 60, 10),
    ("BR", -180, 6),
    ("IN", 330, 9),
    ("JP", 540, 5),
    ("AU", 600, 3),
]
ACQUISITION_CHANNELS = [
    # (channel, is_paid, weight)
    ("paid_search", True, 24),
    ("paid_social", True, 16),
    ("display", True, 6),
    ("organic_search", False, 22),
    ("direct", False, 14),
    ("referral", False, 10),
    ("email", False, 8),
]
DEPARTMENTS = [
    # (department, share of headcount)
    ("engineering", 30),
    ("sales", 16),
    ("support", 14),
    ("marketing", 9),
    ("product", 8),
    ("finance", 6),
    ("people", 5),
    ("operations", 12),
]
GENDERS = [("female", 44), ("male", 50), ("non_binary", 3), ("undisclosed", 3)]
EMPLOYMENT_TYPES = [("permanent", 80), ("contractor", 12), ("freelancer", 8)]
JOB_LEVELS = [("L1", 30), ("L2", 30), ("L3", 22), ("L4", 12), ("L5", 6)]
PROBATION = dt.timedelta(days=90)  # probation_days, the spec's default
BASE_SALARY_BY_LEVEL = {"L1": 52_000, "L2": 68_000, "L3": 88_000, "L4": 115_000, "L5": 150_000}


_UNIX_EPOCH = dt.datetime(1970, 1, 1)
_SECOND = dt.timedelta(seconds=1)
_CUMULATIVE_WEIGHTS: dict[int, tuple[list[tuple], list[float]]] = {}


def weighted(rng: random.Random, options: list[tuple]) -> tuple:
    """One option, drawn with the weight in its last position.

    Draws exactly what ``rng.choices(options, weights=...)[0]`` draws, without summing the
    weights again on every call (this runs once per generated row in several modules).
    """
    cached = _CUMULATIVE_WEIGHTS.get(id(options))
    if cached is None or cached[0] is not options:
        cached = (options, list(itertools.accumulate(option[-1] for option in options)))
        _CUMULATIVE_WEIGHTS[id(options)] = cached
    cumulative = cached[1]
    return options[bisect.bisect(cumulative, rng.random() * cumulative[-1], 0, len(cumulative) - 1)]


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    return dt.date(day.year + month_index // 12, month_index % 12 + 1, 1)


@dataclass(frozen=True)
class Customer:
    customer_id: str
    created_at: dt.datetime  # UTC
    country: str
    utc_offset_minutes: int
    acquisition_channel: str
    owner_user_id: str


@dataclass(frozen=True)
class User:
    user_id: str
    signed_up_at: dt.datetime  # UTC
    customer_id: str | None  # the paying account the user belongs to, None for free users
    country: str
    utc_offset_minutes: int
    acquisition_channel: str


@dataclass(frozen=True)
class EmploymentSpell:
    start_date: dt.date
    termination_date: dt.date | None  # last day employed; None while employed


@dataclass(frozen=True)
class Employee:
    employee_id: str
    gender: str
    department: str
    job_level: str
    employment_type: str
    base_salary: int
    spells: tuple[EmploymentSpell, ...]

    def is_active_on(self, day: dt.date) -> bool:
        return any(
            s.start_date <= day and (s.termination_date is None or day <= s.termination_date) for s in self.spells
        )


@dataclass
class Company:
    """The demo company: its calendar and shared entities, drawn lazily and cached."""

    seed: int = 42
    scale: float = 1.0
    start: dt.date = dt.date(2023, 1, 1)
    months: int = 24
    _streams: dict[str, random.Random] = field(default_factory=dict, repr=False)

    def rng(self, name: str) -> random.Random:
        """A random stream of its own for each module or entity, stable across runs."""
        if name not in self._streams:
            self._streams[name] = random.Random(f"kpi101:{self.seed}:{name}")
        return self._streams[name]

    def np_rng(self, name: str) -> np.random.Generator:
        """A numpy random stream of its own, for the modules that draw whole columns at once."""
        digest = hashlib.sha256(f"kpi101:{self.seed}:{name}".encode()).digest()
        return np.random.default_rng(int.from_bytes(digest[:16], "big"))

    def seconds(self, moment: dt.datetime) -> int:
        """Unix seconds of a naive UTC time (the numpy modules keep times as these)."""
        return (moment - _UNIX_EPOCH) // _SECOND

    def monthly_counts(self, base: float) -> np.ndarray:
        """Rows per month of a table with ``base`` rows a month at scale 1, growing as growth()."""
        return np.array([self.scaled(base * self.growth(i)) for i in range(self.months)])

    def times_in_months(self, rng: np.random.Generator, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Month index and a uniform random time (Unix seconds) in it, for counts[m] rows of month m."""
        month = np.repeat(np.arange(self.months), counts)
        firsts = np.array([self.seconds(first) for first, _ in self._month_spans], dtype=np.int64)
        lengths = np.array([length for _, length in self._month_spans], dtype=np.int64)
        return month, firsts[month] + (rng.random(len(month)) * lengths[month]).astype(np.int64)

    @cached_property
    def user_columns(self) -> dict[str, np.ndarray]:
        """The users as columns, ordered by sign-up time: number (U<number>), signed_up (Unix
        seconds) and utc_offset (minutes)."""
        ordered = sorted(self.users, key=lambda user: user.signed_up_at)
        return {
            "number": np.array([int(user.user_id[1:]) for user in ordered], dtype=np.int64),
            "signed_up": np.array([self.seconds(user.signed_up_at) for user in ordered], dtype=np.int64),
            "utc_offset": np.array([user.utc_offset_minutes for user in ordered], dtype=np.int64),
        }

    def scaled(self, base: float) -> int:
        """A size that grows linearly with the scale factor (at least 1)."""
        return max(1, round(base * self.scale))

    @cached_property
    def month_starts(self) -> list[dt.date]:
        return [add_months(self.start, i) for i in range(self.months)]

    @cached_property
    def end(self) -> dt.date:
        """First day after the data period."""
        return add_months(self.start, self.months)

    @cached_property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())

    @cached_property  # read once per generated row in several modules
    def end_at(self) -> dt.datetime:
        return dt.datetime.combine(self.end, dt.time())

    def growth(self, month_index: int) -> float:
        """Relative activity of a month: compounding growth with a year-end peak and a summer dip."""
        month = self.month_starts[month_index].month
        seasonality = 1.0 + 0.18 * math.cos((month - 11.5) / 12 * 2 * math.pi)
        return (1.055**month_index) * seasonality

    @cached_property
    def _month_spans(self) -> list[tuple[dt.datetime, int]]:
        """Each month's first instant and its length in seconds."""
        return [
            (dt.datetime.combine(first, dt.time()), (add_months(first, 1) - first).days * 86_400)
            for first in self.month_starts
        ]

    def random_time_in_month(self, rng: random.Random, month_index: int) -> dt.datetime:
        first, seconds = self._month_spans[month_index]
        return first + dt.timedelta(seconds=rng.randrange(seconds))

    @cached_property
    def users(self) -> list[User]:
        """Product sign-ups; about a third of them become paying customers (accounts)."""
        rng = self.rng("core.users")
        users: list[User] = []
        for month_index in range(self.months):
            for _ in range(self.scaled(45 * self.growth(month_index))):
                country, offset, _ = weighted(rng, COUNTRIES)
                channel, _, _ = weighted(rng, ACQUISITION_CHANNELS)
                user_id = f"U{len(users) + 1:07d}"
                converts = rng.random() < 0.33
                users.append(
                    User(
                        user_id=user_id,
                        signed_up_at=self.random_time_in_month(rng, month_index),
                        customer_id=f"C{len(users) + 1:07d}" if converts else None,
                        country=country,
                        utc_offset_minutes=offset,
                        acquisition_channel=channel,
                    )
                )
        return users

    @cached_property
    def customers(self) -> list[Customer]:
        """Paying accounts (SaaS subscribers and shop buyers share the id space), one owner user each."""
        rng = self.rng("core.customers")
        customers = []
        for user in self.users:
            if user.customer_id is None:
                continue
            created_at = user.signed_up_at + dt.timedelta(minutes=rng.randrange(5, 240))
            if created_at >= self.end_at:
                continue
            customers.append(
                Customer(
                    customer_id=user.customer_id,
                    created_at=created_at,
                    country=user.country,
                    utc_offset_minutes=user.utc_offset_minutes,
                    acquisition_channel=user.acquisition_channel,
                    owner_user_id=user.user_id,
                )
            )
        return customers

    @cached_property
    def employees(self) -> list[Employee]:
        """Staff hired across the period (plus a founding team), some leaving, a few rehired."""
        rng = self.rng("core.employees")
        employees: list[Employee] = []
        founders = self.scaled(25)
        hires_per_month = self.scaled(3.2)
        plan = [(self.start - dt.timedelta(days=rng.randrange(30, 900))) for _ in range(founders)]
        for month_index in range(self.months):
            for _ in range(hires_per_month):
                plan.append(self.month_starts[month_index] + dt.timedelta(days=rng.randrange(28)))
        for start_date in plan:
            department, _ = weighted(rng, DEPARTMENTS)
            level, _ = weighted(rng, JOB_LEVELS)
            gender, _ = weighted(rng, GENDERS)
            employment_type, _ = weighted(rng, EMPLOYMENT_TYPES)
            pay_gap = 0.94 if gender == "female" else 1.0
            salary = round(BASE_SALARY_BY_LEVEL[level] * pay_gap * rng.uniform(0.9, 1.12), -2)
            spells = [EmploymentSpell(start_date, None)]
            if rng.random() < 0.22:
                stay = rng.choice([rng.randrange(20, 90), rng.randrange(90, 700)])
                end = start_date + dt.timedelta(days=stay)
                if end < self.end:
                    spells = [EmploymentSpell(start_date, end)]
                    if rng.random() < 0.15:
                        rehire = end + dt.timedelta(days=rng.randrange(60, 300))
                        if rehire < self.end:
                            spells.append(EmploymentSpell(rehire, None))
            if len(employees) == founders:  # the first hire leaves exactly at the probation end (KPI 77)
                spells = [EmploymentSpell(start_date, start_date + PROBATION)]
            employees.append(
                Employee(
                    employee_id=f"E{len(employees) + 1:06d}",
                    gender=gender,
                    department=department,
                    job_level=level,
                    employment_type=employment_type,
                    base_salary=int(salary),
                    spells=tuple(spells),
                )
            )
        return employees

    def employees_in(self, department: str) -> list[Employee]:
        return [employee for employee in self.employees if employee.department == department]


_ZONES: dict[int, tuple[dt.timedelta, dt.timezone]] = {}


def local_time(utc_time: dt.datetime, utc_offset_minutes: int) -> dt.datetime:
    """The same instant as an offset-aware timestamp in a local time zone (how many tools export)."""
    zone = _ZONES.get(utc_offset_minutes)
    if zone is None:
        offset = dt.timedelta(minutes=utc_offset_minutes)
        zone = _ZONES[utc_offset_minutes] = (offset, dt.timezone(offset))
    return (utc_time + zone[0]).replace(tzinfo=zone[1])


_SUFFIXES: dict[int, tuple[dt.timedelta, str]] = {}


def local_iso(utc_time: dt.datetime, utc_offset_minutes: int) -> str:
    """``local_time(...).isoformat()``, the text the exports hold, at a third of its cost: the
    offset is appended as text instead of attaching a time zone to every value."""
    suffix = _SUFFIXES.get(utc_offset_minutes)
    if suffix is None:
        offset = dt.timedelta(minutes=utc_offset_minutes)
        text = dt.datetime(2000, 1, 1, tzinfo=dt.timezone(offset)).isoformat()[len("2000-01-01T00:00:00") :]
        suffix = _SUFFIXES[utc_offset_minutes] = (offset, text)
    return (utc_time + suffix[0]).isoformat() + suffix[1]
