"""Customer-support stack export: help-desk agents, tickets, comments, status history, surveys,
plus the phone system's calls and the chat tool's chats.

Agents are the company's support employees (one row per employment spell); requesters are the
company's customers and product users who exist when the ticket is opened. Each ticket is
simulated as a conversation: the customer's opening message, agent replies (some after internal
notes), customer follow-ups, solves, a share of reopens and tier escalations. Events after the
end of the data period are not exported yet, so the latest tickets are still open.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random

from .core import Company, Employee, local_time, weighted
from .writer import TableWriter

SOURCE = "helpdesk"
CHANNELS = [("email", 40), ("web", 30), ("chat", 18), ("phone", 12)]
TOPICS = [
    ("billing", 22),
    ("login", 16),
    ("refund", 9),
    ("invoice", 8),
    ("api", 8),
    ("export", 6),
    ("integration", 7),
    ("account settings", 7),
    ("bug report", 10),
    ("feature request", 5),
    ("data import", 4),
    ("permissions", 4),
]
TIER_BY_LEVEL = {"L1": 1, "L2": 1, "L3": 2, "L4": 3, "L5": 3}
NAMES = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Mo", "Noa"]


def _hours(rng: random.Random, mean: float) -> dt.timedelta:
    return dt.timedelta(hours=rng.expovariate(1 / mean))


class _Staff:
    """Support agents and who is active on a given day (agents are employees of the support team)."""

    def __init__(self, company: Company) -> None:
        self.employees: list[Employee] = company.employees_in("support")
        self._on_day: dict[tuple[dt.date, int], list[str]] = {}

    def pick(self, rng: random.Random, day: dt.date, tier: int = 1) -> str | None:
        key = (day, tier)
        if key not in self._on_day:  # cached per day, so the cost stays linear in the rows
            candidates = [e for e in self.employees if e.is_active_on(day)]
            skilled = [e for e in candidates if TIER_BY_LEVEL[e.job_level] >= tier]
            self._on_day[key] = [e.employee_id for e in skilled or candidates]
        ids = self._on_day[key]
        return rng.choice(ids) if ids else None


class _Requesters:
    """Customers and product users, each available from its creation time on."""

    def __init__(self, company: Company) -> None:
        customers = sorted(company.customers, key=lambda c: c.created_at)
        self.customer_times = [c.created_at for c in customers]
        self.customers = customers
        users = sorted(company.users, key=lambda u: u.signed_up_at)
        self.user_times = [u.signed_up_at for u in users]
        self.users = users

    def pick(self, rng: random.Random, at: dt.datetime) -> tuple[str, int] | None:
        if rng.random() < 0.7:
            count = bisect.bisect_left(self.customer_times, at)
            if count:
                customer = self.customers[rng.randrange(count)]
                return customer.customer_id, customer.utc_offset_minutes
        count = bisect.bisect_left(self.user_times, at)
        if not count:
            return None
        user = self.users[rng.randrange(count)]
        return user.user_id, user.utc_offset_minutes


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    staff = _Staff(company)
    requesters = _Requesters(company)
    end_at = company.end_at

    agents = []
    for employee in staff.employees:
        for spell in employee.spells:
            agents.append(
                (
                    employee.employee_id,
                    f"{rng.choice(NAMES)} {employee.employee_id[-3:]}",
                    TIER_BY_LEVEL[employee.job_level],
                    spell.start_date,
                    spell.termination_date,
                )
            )
    writer.write(SOURCE, "agents", ["agent_id", "agent_name", "tier", "active_from", "active_to"], agents)

    tickets: list[tuple] = []
    comments: list[tuple] = []
    events: list[tuple] = []
    csat: list[tuple] = []
    ces: list[tuple] = []

    def comment(ticket_id: str, role: str, author: str | None, public: bool, at: dt.datetime) -> None:
        if at < end_at:
            row = (f"M{len(comments) + 1:08d}", ticket_id, role, author, public, at.replace(tzinfo=dt.UTC))
            comments.append(row)
            if rng.random() < 0.005:  # the export sometimes repeats a comment
                comments.append(row)

    def event(ticket_id: str, status: str, tier: int, at: dt.datetime) -> bool:
        if at >= end_at:
            return False
        events.append((f"S{len(events) + 1:08d}", ticket_id, status, tier, at.replace(tzinfo=dt.UTC)))
        return True

    def survey(ticket_id: str, solved_at: dt.datetime) -> None:
        sent = solved_at + _hours(rng, 20)
        if sent >= end_at:
            return
        if rng.random() < 0.35:
            answered = rng.random() < 0.6
            rating = rng.choices([1, 2, 3, 4, 5], weights=[4, 5, 10, 30, 51])[0] if answered else None
            csat.append((f"Q{len(csat) + 1:08d}", ticket_id, rating, sent.replace(tzinfo=dt.UTC)))
        if rng.random() < 0.2:
            answered = rng.random() < 0.55
            score = rng.choices(range(1, 8), weights=[2, 3, 5, 10, 20, 30, 30])[0] if answered else None
            ces.append((f"R{len(ces) + 1:08d}", ticket_id, score, sent.replace(tzinfo=dt.UTC)))

    for month_index in range(company.months):
        for _ in range(company.scaled(320 * company.growth(month_index))):
            created = company.random_time_in_month(rng, month_index)
            requester = requesters.pick(rng, created)
            if requester is None:
                continue
            requester_id, offset = requester
            ticket_id = f"T{len(tickets) + 1:08d}"
            channel = weighted(rng, CHANNELS)[0]
            topic = weighted(rng, TOPICS)[0] if rng.random() > 0.03 else None
            first_agent = staff.pick(rng, created.date())
            by_agent = first_agent is not None and rng.random() < 0.07
            tickets.append(
                (
                    ticket_id,
                    requester_id,
                    channel,
                    topic,
                    local_time(created, offset),  # the help desk exports in the requester's zone
                    "agent" if by_agent else "customer",
                    first_agent if by_agent else requester_id,
                )
            )
            tier = 1
            event(ticket_id, "new", tier, created)
            if not by_agent:
                comment(ticket_id, "customer", requester_id, True, created)
                if rng.random() < 0.15:  # a second message before anyone answered
                    comment(ticket_id, "customer", requester_id, True, created + _hours(rng, 2))
            now = created
            solves = 0
            while True:
                now += _hours(rng, 7 if solves == 0 else 4)
                agent = staff.pick(rng, min(now, end_at - dt.timedelta(seconds=1)).date(), tier)
                if agent is None:
                    break
                if rng.random() < 0.2:
                    comment(ticket_id, "agent", agent, False, now - dt.timedelta(minutes=rng.randrange(1, 30)))
                comment(ticket_id, "agent", agent, True, now)
                if solves == 0 and not event(ticket_id, "open", tier, now):
                    break
                if tier < 3 and rng.random() < 0.1:  # escalated to the next tier
                    tier += 1
                    now += _hours(rng, 3)
                    if not event(ticket_id, "open", tier, now):
                        break
                    continue
                if rng.random() < 0.45:  # the customer answers, the conversation goes on
                    event(ticket_id, "pending", tier, now + dt.timedelta(seconds=1))
                    now += _hours(rng, 14)
                    comment(ticket_id, "customer", requester_id, True, now)
                    if not event(ticket_id, "open", tier, now):
                        break
                    continue
                now += _hours(rng, 5)
                if not event(ticket_id, "solved", tier, now):
                    break
                solves += 1
                comment(ticket_id, "system", None, True, now + dt.timedelta(minutes=1))
                if solves < 3 and rng.random() < 0.09:  # reopened by a customer reply
                    now += _hours(rng, 60)
                    comment(ticket_id, "customer", requester_id, True, now)
                    if not event(ticket_id, "reopened", tier, now):
                        break
                    continue
                survey(ticket_id, now)
                event(ticket_id, "closed", tier, now + dt.timedelta(days=4))
                break

    writer.write(
        SOURCE,
        "tickets",
        ["ticket_id", "requester_id", "channel", "topic", "created_at", "created_by_role", "created_by_id"],
        tickets,
    )
    writer.write(
        SOURCE,
        "ticket_comments",
        ["comment_id", "ticket_id", "author_role", "author_id", "is_public", "created_at"],
        comments,
    )
    writer.write(SOURCE, "ticket_status_events", ["event_id", "ticket_id", "status", "tier", "changed_at"], events)
    writer.write(SOURCE, "csat_responses", ["response_id", "ticket_id", "rating", "responded_at"], csat)
    writer.write(SOURCE, "ces_responses", ["response_id", "ticket_id", "score", "responded_at"], ces)

    def call_rows():
        number = 0
        for month_index in range(company.months):
            for _ in range(company.scaled(140 * company.growth(month_index))):
                queued = company.random_time_in_month(rng, month_index)
                caller = requesters.pick(rng, queued)
                agent = staff.pick(rng, queued.date())
                number += 1
                inbound = rng.random() < 0.9
                abandoned = inbound and (agent is None or rng.random() < 0.08)
                if abandoned:
                    ended = queued + dt.timedelta(seconds=rng.randrange(10, 400))
                    answered, talk, hold, wrap, agent = None, 0, None, None, None
                else:
                    answered = queued + dt.timedelta(seconds=rng.randrange(2, 240) if inbound else rng.randrange(5, 30))
                    talk = rng.randrange(90, 1200)
                    hold = rng.choice([0, 0, rng.randrange(10, 240)]) if rng.random() > 0.05 else None
                    wrap = rng.randrange(20, 300) if rng.random() > 0.1 else None
                    ended = answered + dt.timedelta(seconds=talk + (hold or 0))
                row = (
                    f"K{number:08d}",
                    "inbound" if inbound else "outbound",
                    caller[0] if caller else None,
                    agent,
                    local_time(queued, -300),  # the phone system exports in the office's zone
                    local_time(answered, -300) if answered else None,
                    local_time(ended, -300),
                    talk,
                    hold,
                    wrap,
                    abandoned,
                )
                yield row
                if rng.random() < 0.01:  # duplicated by the telephony export
                    yield row

    writer.write(
        SOURCE,
        "calls",
        [
            "call_id",
            "direction",
            "caller_id",
            "agent_id",
            "queued_at",
            "answered_at",
            "ended_at",
            "talk_seconds",
            "hold_seconds",
            "wrap_seconds",
            "abandoned",
        ],
        call_rows(),
    )

    def chat_rows():
        number = 0
        for month_index in range(company.months):
            for _ in range(company.scaled(170 * company.growth(month_index))):
                started = company.random_time_in_month(rng, month_index)
                visitor = requesters.pick(rng, started)
                agent = staff.pick(rng, started.date()) if rng.random() > 0.05 else None
                number += 1
                ended = started + dt.timedelta(seconds=rng.randrange(60, 2400))
                yield (
                    f"H{number:08d}",
                    visitor[0] if visitor else None,
                    agent,
                    started.replace(tzinfo=dt.UTC),
                    ended.replace(tzinfo=dt.UTC) if ended < end_at else None,
                )

    writer.write(SOURCE, "chats", ["chat_id", "requester_id", "agent_id", "started_at", "ended_at"], chat_rows())
