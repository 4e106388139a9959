"""Customer-support stack export: help-desk agents, tickets, comments, status history, surveys,
plus the phone system's calls and the chat tool's chats.

Agents are the company's support employees (one row per employment spell); requesters are the
company's customers and product users who exist when the ticket is opened. Each ticket is
simulated as a conversation: the customer's opening message, agent replies (some after internal
notes), customer follow-ups, solves, a share of reopens and tier escalations. Events after the
end of the data period are not exported yet, so the latest tickets are still open.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from .core import Company, Employee
from .csvtext import Column, boolean, integer, iso_time, label, one_of, padded_id
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


HOUR = 3600.0
TICKET_BATCH = 200_000
OFFICE_OFFSET = -300  # the phone system exports in the office's zone
# Ticket comment authors and status names, as codes in the arrays.
ROLES = ["customer", "agent", "system"]
STATUSES = ["new", "open", "pending", "solved", "reopened", "closed"]
CSAT_RATINGS = [(1, 4), (2, 5), (3, 10), (4, 30), (5, 51)]
CES_SCORES = [(1, 2), (2, 3), (3, 5), (4, 10), (5, 20), (6, 30), (7, 30)]


def _hours(rng: np.random.Generator, mean: float, count: int) -> np.ndarray:
    return rng.exponential(mean * HOUR, count)


class _Staff:
    """Support agents and who is active on each day of the period (agents are employees of the
    support team), to draw one of them for many (day, tier) pairs at once."""

    def __init__(self, company: Company) -> None:
        self.employees: list[Employee] = company.employees_in("support")
        self.first_day_number = (company.start - dt.date(1970, 1, 1)).days
        days, width = (company.end - company.start).days, len(self.employees)
        self.numbers = np.array([int(e.employee_id[1:]) for e in self.employees], dtype=np.int64)
        starts_and_ends = np.zeros((days + 1, width), dtype=np.int64)
        for index, employee in enumerate(self.employees):
            for spell in employee.spells:
                first = max((spell.start_date - company.start).days, 0)
                after = days if spell.termination_date is None else (spell.termination_date - company.start).days + 1
                if first < min(after, days):
                    starts_and_ends[first, index] += 1
                    starts_and_ends[min(after, days), index] -= 1
        active = np.cumsum(starts_and_ends, axis=0)[:days] > 0
        agent_tier = np.array([TIER_BY_LEVEL[e.job_level] for e in self.employees], dtype=np.int64)
        # packed[day, tier - 1] lists the agents to draw from first: those of the tier or above,
        # or any active agent when none of them is active; count says how many.
        self.packed = np.zeros((days, 3, width), dtype=np.int64)
        self.count = np.zeros((days, 3), dtype=np.int64)
        for tier in (1, 2, 3):
            skilled = active & (agent_tier >= tier)
            eligible = np.where(skilled.any(axis=1, keepdims=True), skilled, active)
            self.packed[:, tier - 1] = np.argsort(~eligible, axis=1, kind="stable")
            self.count[:, tier - 1] = eligible.sum(axis=1)

    def pick(self, rng: np.random.Generator, seconds: np.ndarray, tier: np.ndarray | int = 1) -> np.ndarray:
        """Employee numbers of agents active on the days of ``seconds`` (UTC), -1 when none is."""
        day = np.clip((seconds // 86_400).astype(np.int64) - self.first_day_number, 0, len(self.count) - 1)
        tier_index = np.broadcast_to(np.asarray(tier) - 1, day.shape)
        available = self.count[day, tier_index]
        slot = (rng.random(len(day)) * available).astype(np.int64)
        if not len(self.numbers):
            return np.full(len(day), -1, dtype=np.int64)
        picked = self.packed[day, tier_index, np.minimum(slot, len(self.numbers) - 1)]
        return np.where(available > 0, self.numbers[picked], -1)


class _Requesters:
    """Customers and product users, each available from its creation time on."""

    def __init__(self, company: Company) -> None:
        customers = sorted(company.customers, key=lambda c: c.created_at)
        self.customer_times = np.array([company.seconds(c.created_at) for c in customers], dtype=np.int64)
        self.customer_numbers = np.array([int(c.customer_id[1:]) for c in customers], dtype=np.int64)
        self.customer_offsets = np.array([c.utc_offset_minutes for c in customers], dtype=np.int64)
        users = company.user_columns
        self.user_times, self.user_numbers, self.user_offsets = users["signed_up"], users["number"], users["utc_offset"]

    def pick(self, rng: np.random.Generator, at: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(kind, number, UTC offset): kind 0 for a customer (C...), 1 for a user (U...), -1 for
        nobody; 70% customers when any exists by then."""
        count = len(at)
        customers = np.searchsorted(self.customer_times, at, side="left")
        users = np.searchsorted(self.user_times, at, side="left")
        customer = (rng.random(count) < 0.7) & (customers > 0)
        customer_pick = np.minimum((rng.random(count) * customers).astype(np.int64), len(self.customer_times) - 1)
        user_pick = np.minimum((rng.random(count) * users).astype(np.int64), len(self.user_times) - 1)
        kind = np.where(customer, 0, np.where(users > 0, 1, -1))
        number = np.where(customer, self.customer_numbers[customer_pick], self.user_numbers[user_pick])
        offset = np.where(customer, self.customer_offsets[customer_pick], self.user_offsets[user_pick])
        return kind, number, offset


def requester_id(kind: str, number: str) -> Column:
    """A requester's id: C... for kind 0 (a customer), U... for kind 1 (a user), else null."""
    return one_of(kind, [padded_id("C", number, 7), padded_id("U", number, 7)])


def employee_id(number: str) -> Column:
    """E... ids, null for a negative number."""
    return padded_id("E", number, 6)


class _Log:
    """Rows emitted while the tickets are simulated step by step, to be put in ticket order.

    Columns are kept in the given small dtypes: at scale 100 a log holds about 11 million rows.
    """

    def __init__(self, end: int, **dtypes: type) -> None:
        self.end = end
        self.dtypes = {"ticket": np.int32, "at": np.int64, "sequence": np.int32} | dtypes
        self.parts: list[dict[str, np.ndarray]] = []
        self.sequence = 0

    def add(self, ticket: np.ndarray, at: np.ndarray, **columns: np.ndarray | int) -> np.ndarray:
        """Keeps the rows before the end of the period (times as whole seconds); returns which
        ones were kept."""
        kept = at < self.end
        self.sequence += 1
        columns = {"ticket": ticket, "at": at, "sequence": self.sequence} | columns
        self.parts.append(
            {
                name: np.broadcast_to(values, kept.shape)[kept].astype(self.dtypes[name])
                for name, values in columns.items()
            }
        )
        return kept

    def in_ticket_order(self) -> dict[str, np.ndarray]:
        """The rows of every step, each ticket's in the order they were emitted; empties the log."""
        parts, self.parts = self.parts, []
        merged = {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
        del parts
        order = np.lexsort((merged.pop("sequence"), merged["ticket"]))
        return {name: merged.pop(name)[order] for name in list(merged)}


def generate(company: Company, writer: TableWriter) -> None:
    names = company.rng(SOURCE)
    rng = company.np_rng(SOURCE)
    staff = _Staff(company)
    requesters = _Requesters(company)
    end = company.seconds(company.end_at)

    agents = []
    for employee in staff.employees:
        for spell in employee.spells:
            agents.append(
                (
                    employee.employee_id,
                    f"{names.choice(NAMES)} {employee.employee_id[-3:]}",
                    TIER_BY_LEVEL[employee.job_level],
                    spell.start_date,
                    spell.termination_date,
                )
            )
    writer.write(SOURCE, "agents", ["agent_id", "agent_name", "tier", "active_from", "active_to"], agents)

    # Tickets: opened by a customer or user who exists by then (none: no ticket).
    _, created = company.times_in_months(rng, company.monthly_counts(320))
    kind, number, offset = requesters.pick(rng, created)
    has_requester = kind >= 0
    created, kind, number, offset = (
        created[has_requester],
        kind[has_requester],
        number[has_requester],
        offset[has_requester],
    )
    count = len(created)
    ticket = np.arange(count)
    channel = _codes(rng, CHANNELS, count)
    topic = np.where(rng.random(count) > 0.03, _codes(rng, TOPICS, count), -1)
    first_agent = staff.pick(rng, created)
    by_agent = (first_agent >= 0) & (rng.random(count) < 0.07)
    writer.write_text(
        SOURCE,
        "tickets",
        ["ticket_id", "requester_id", "channel", "topic", "created_at", "created_by_role", "created_by_id"],
        {
            "ticket": ticket + 1,
            "kind": kind,
            "number": number,
            "channel": channel,
            "topic": topic,
            "moment": created,
            "zone": offset,
            "by_agent": by_agent,
            "agent": first_agent,
        },
        [
            padded_id("T", "ticket", 8),
            requester_id("kind", "number"),
            label("channel", [name for name, _ in CHANNELS]),
            label("topic", [name for name, _ in TOPICS]),
            iso_time("moment", "zone"),  # the help desk exports in the requester's zone
            label("by_agent", ["customer", "agent"]),
            one_of("by_agent", [requester_id("kind", "number"), employee_id("agent")]),
        ],
    )

    # Each ticket as a conversation, a batch of tickets a step at a time: the customer's opening
    # message, agent replies (some after internal notes), follow-ups, solves, reopens, escalations.
    comments = _Log(end, role=np.int8, author=np.int32, public=np.bool_)
    events = _Log(end, status=np.int8, tier=np.int8)
    surveys = _Log(
        end, csat=np.bool_, ces=np.bool_, csat_answered=np.bool_, ces_answered=np.bool_, rating=np.int8, score=np.int8
    )
    customer, agent_role, system = (ROLES.index(role) for role in ROLES)
    status = {name: code for code, name in enumerate(STATUSES)}
    for first in range(0, count, TICKET_BATCH):  # a batch of tickets at a time bounds the memory
        batch = ticket[first : first + TICKET_BATCH]
        batch_created, opened = created[batch], ~by_agent[batch]
        events.add(batch, batch_created.astype(float), status=status["new"], tier=1)
        comments.add(batch[opened], batch_created[opened].astype(float), role=customer, author=-1, public=True)
        second = opened & (rng.random(len(batch)) < 0.15)  # a second message before anyone answered
        comments.add(
            batch[second], batch_created[second] + _hours(rng, 2, second.sum()), role=customer, author=-1, public=True
        )

        now, tier, solves = batch_created.astype(float), np.ones(len(batch), np.int64), np.zeros(len(batch), np.int64)
        live = batch
        while len(live):
            size = len(live)
            now = now + np.where(solves == 0, _hours(rng, 7, size), _hours(rng, 4, size))
            agent = staff.pick(rng, np.minimum(now, end - 1), tier)
            going = agent >= 0
            note = going & (rng.random(size) < 0.2)
            comments.add(
                live[note],
                now[note] - 60 * rng.integers(1, 30, size)[note],
                role=agent_role,
                author=agent[note],
                public=False,
            )
            comments.add(live[going], now[going], role=agent_role, author=agent[going], public=True)
            first_reply = going & (solves == 0)
            kept = events.add(live[first_reply], now[first_reply], status=status["open"], tier=tier[first_reply])
            going[np.flatnonzero(first_reply)[~kept]] = False
            # escalated to the next tier
            escalated = going & (tier < 3) & (rng.random(size) < 0.1)
            tier = tier + escalated
            now = now + np.where(escalated, _hours(rng, 3, size), 0)
            kept = events.add(live[escalated], now[escalated], status=status["open"], tier=tier[escalated])
            ends = np.zeros(size, dtype=bool)
            ends[np.flatnonzero(escalated)[~kept]] = True
            # the customer answers, the conversation goes on
            answered = going & ~escalated & (rng.random(size) < 0.45)
            events.add(live[answered], now[answered] + 1, status=status["pending"], tier=tier[answered])
            now = now + np.where(answered, _hours(rng, 14, size), 0)
            comments.add(live[answered], now[answered], role=customer, author=-1, public=True)
            kept = events.add(live[answered], now[answered], status=status["open"], tier=tier[answered])
            ends[np.flatnonzero(answered)[~kept]] = True
            # solved, perhaps reopened by a customer reply, else surveyed and closed
            solving = going & ~escalated & ~answered
            now = now + np.where(solving, _hours(rng, 5, size), 0)
            kept = events.add(live[solving], now[solving], status=status["solved"], tier=tier[solving])
            solved = np.zeros(size, dtype=bool)
            solved[np.flatnonzero(solving)[kept]] = True
            solves = solves + solved
            comments.add(live[solved], now[solved] + 60, role=system, author=-1, public=True)
            reopened = solved & (solves < 3) & (rng.random(size) < 0.09)
            now = now + np.where(reopened, _hours(rng, 60, size), 0)
            comments.add(live[reopened], now[reopened], role=customer, author=-1, public=True)
            kept = events.add(live[reopened], now[reopened], status=status["reopened"], tier=tier[reopened])
            ends[np.flatnonzero(reopened)[~kept]] = True
            closing = solved & ~reopened
            sent = now + _hours(rng, 20, size)
            csat_roll, ces_roll, csat_answer, ces_answer = (rng.random(size) for _ in range(4))
            surveys.add(
                live[closing],
                sent[closing],
                csat=csat_roll[closing] < 0.35,
                ces=ces_roll[closing] < 0.2,
                csat_answered=csat_answer[closing] < 0.6,
                ces_answered=ces_answer[closing] < 0.55,
                rating=_codes(rng, CSAT_RATINGS, size)[closing] + 1,
                score=_codes(rng, CES_SCORES, size)[closing] + 1,
            )
            events.add(live[closing], now[closing] + 4 * 86_400, status=status["closed"], tier=tier[closing])
            stays = going & ~ends & ~closing & ~(solving & ~solved)
            live, now, tier, solves = live[stays], now[stays], tier[stays], solves[stays]

    comment = comments.in_ticket_order()
    count = len(comment["ticket"])
    comment |= {
        "moment": comment.pop("at"),
        "number": np.arange(1, count + 1, dtype=np.int32),
        "requester_kind": kind[comment["ticket"]],
        "requester": number[comment["ticket"]],
    }
    writer.write_text(
        SOURCE,
        "ticket_comments",
        ["comment_id", "ticket_id", "author_role", "author_id", "is_public", "created_at"],
        comment,
        [
            padded_id("M", "number", 8),
            padded_id("T", "ticket", 8, plus=1),
            label("role", ROLES),
            one_of("role", [requester_id("requester_kind", "requester"), employee_id("author"), None]),
            boolean("public"),
            iso_time("moment"),
        ],
        copies=np.where(rng.random(count) < 0.005, 2, 1),  # the export repeats some
    )
    del comment
    event = events.in_ticket_order()
    writer.write_text(
        SOURCE,
        "ticket_status_events",
        ["event_id", "ticket_id", "status", "tier", "changed_at"],
        {
            "number": np.arange(1, len(event["ticket"]) + 1),
            "ticket": event["ticket"],
            "status": event["status"],
            "tier": event["tier"],
            "moment": event["at"].astype(np.int64),
        },
        [
            padded_id("S", "number", 8),
            padded_id("T", "ticket", 8, plus=1),
            label("status", STATUSES),
            integer("tier"),
            iso_time("moment"),
        ],
    )
    del event
    survey = surveys.in_ticket_order()
    for table, prefix, sent_column, answered_column, value_column in [
        ("csat_responses", "Q", "csat", "csat_answered", "rating"),
        ("ces_responses", "R", "ces", "ces_answered", "score"),
    ]:
        rows = np.flatnonzero(survey[sent_column])
        writer.write_text(
            SOURCE,
            table,
            ["response_id", "ticket_id", value_column, "responded_at"],
            {
                "number": np.arange(1, len(rows) + 1),
                "ticket": survey["ticket"][rows],
                "value": np.where(survey[answered_column][rows], survey[value_column][rows], -1),
                "moment": survey["at"][rows].astype(np.int64),
            },
            [padded_id(prefix, "number", 8), padded_id("T", "ticket", 8, plus=1), integer("value"), iso_time("moment")],
        )

    # Calls: the phone system; a call nobody answers is abandoned.
    _, queued = company.times_in_months(rng, company.monthly_counts(140))
    count = len(queued)
    caller_kind, caller, _ = requesters.pick(rng, queued)
    agent = staff.pick(rng, queued)
    inbound = rng.random(count) < 0.9
    abandoned = inbound & ((agent < 0) | (rng.random(count) < 0.08))
    answered = queued + np.where(inbound, rng.integers(2, 240, count), rng.integers(5, 30, count))
    talk = np.where(abandoned, 0, rng.integers(90, 1200, count))
    some_hold = np.where(rng.random(count) < 1 / 3, rng.integers(10, 240, count), 0)
    hold = np.where(abandoned | (rng.random(count) <= 0.05), -1, some_hold)
    wrap = np.where(abandoned | (rng.random(count) <= 0.1), -1, rng.integers(20, 300, count))
    ended = np.where(abandoned, queued + rng.integers(10, 400, count), answered + talk + np.maximum(hold, 0))
    repeated = np.repeat(np.arange(count), np.where(rng.random(count) < 0.01, 2, 1))  # duplicated by the export
    calls = {
        "number": np.arange(1, count + 1),
        "inbound": inbound,
        "caller_kind": caller_kind,
        "caller": caller,
        "agent": np.where(abandoned, -1, agent),
        "queued": queued,
        "answered": np.where(abandoned, -1, answered),
        "ended": ended,
        "talk": talk,
        "hold": hold,
        "wrap": wrap,
        "abandoned": abandoned,
    }
    writer.write_text(
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
        {name: values[repeated] for name, values in calls.items()},
        [
            padded_id("K", "number", 8),
            label("inbound", ["outbound", "inbound"]),
            requester_id("caller_kind", "caller"),
            employee_id("agent"),
            iso_time("queued", OFFICE_OFFSET),
            iso_time("answered", OFFICE_OFFSET),
            iso_time("ended", OFFICE_OFFSET),
            integer("talk"),
            integer("hold"),
            integer("wrap"),
            boolean("abandoned"),
        ],
    )

    # Chats: the chat tool; a few reach no agent, the latest are still going on.
    _, started = company.times_in_months(rng, company.monthly_counts(170))
    count = len(started)
    visitor_kind, visitor, _ = requesters.pick(rng, started)
    agent = np.where(rng.random(count) > 0.05, staff.pick(rng, started), -1)
    ended = started + rng.integers(60, 2400, count)
    writer.write_text(
        SOURCE,
        "chats",
        ["chat_id", "requester_id", "agent_id", "started_at", "ended_at"],
        {
            "number": np.arange(1, count + 1),
            "visitor_kind": visitor_kind,
            "visitor": visitor,
            "agent": agent,
            "started": started,
            "ended": np.where(ended < end, ended, -1),
        },
        [
            padded_id("H", "number", 8),
            requester_id("visitor_kind", "visitor"),
            employee_id("agent"),
            iso_time("started"),
            iso_time("ended"),
        ],
    )


def _codes(rng: np.random.Generator, options: list[tuple], count: int) -> np.ndarray:
    """Codes (indexes into ``options``) drawn with the weight in each option's last position."""
    weights = np.array([option[-1] for option in options], dtype=float)
    return rng.choice(len(options), count, p=weights / weights.sum())
