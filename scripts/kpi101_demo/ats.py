"""Applicant-tracking export: openings, candidates, applications with stage history, recruiting costs.

Every employment spell that starts inside the data period is the hire of one opening (the offer is
accepted a few days before the start date), so ATS hires match the HRIS; other openings are
closed without a hire or are still open at the end. Each opening draws several applicants who drop
out at some stage; some candidates are passive (sourced by a recruiter), some never apply.
"""

from __future__ import annotations

import datetime as dt

from .core import Company, local_iso, weighted
from .writer import TableWriter

SOURCE = "ats"
STAGES = ["applied", "screen", "interview", "offer", "hired"]
# (index of the furthest stage a rejected application reaches, -1 for none, weight)
FURTHEST_STAGES = [(-1, 12), (0, 38), (1, 28), (2, 16), (3, 6)]
SOURCES = [("job_board", 38), ("careers_site", 24), ("referral", 16), ("agency", 10), ("sourced", 12)]
OFFSETS = [0, -300, 60, -480]
FRACTIONS = [0.0, 0.2, 0.45, 0.8, 1.0]  # where each stage falls between application start and hire


class _Ats:
    def __init__(self, company: Company) -> None:
        self.company = company
        self.rng = company.rng(SOURCE)
        self.openings: list[tuple] = []
        self.candidates: list[tuple] = []
        self.applications: list[tuple] = []
        self.events: list[tuple] = []
        self.costs: list[tuple] = []

    def at(self, moment: dt.datetime) -> str:
        return local_iso(moment, self.rng.choice(OFFSETS))

    def candidate(self, engaged: dt.datetime, source: str | None = None) -> str:
        rng = self.rng
        source = source or weighted(rng, SOURCES)[0]
        candidate_id = f"CAN{len(self.candidates) + 1:07d}"
        row = (candidate_id, source, source == "sourced", self.at(engaged))
        self.candidates.append(row)
        if rng.random() < 0.01:  # duplicated export row
            self.candidates.append(row)
        return candidate_id

    def application(self, opening_id: str, started: dt.datetime, furthest: int, span_days: float, **kw) -> None:
        """One application reaching stage index `furthest` (-1: never submitted) over span_days."""
        rng, end = self.rng, self.company.end_at
        source = kw.get("source")
        engaged = started - dt.timedelta(days=rng.uniform(1, 150)) if source == "sourced" else started
        engaged = max(engaged, self.company.start_at)
        candidate_id = self.candidate(engaged, source)
        application_id = f"APP{len(self.applications) + 1:08d}"
        submitted = started + dt.timedelta(minutes=rng.randrange(5, 90)) if furthest >= 0 else None
        skip_screen = source == "referral" and rng.random() < 0.5
        reached = -1
        for index in range(furthest + 1):
            if index == 1 and skip_screen and furthest > 1:
                continue
            moment = submitted + dt.timedelta(days=span_days * FRACTIONS[index])
            if index == 4:
                moment = kw.get("hired_at", moment)
            if moment >= end:
                break
            reached = index
            self.events.append((f"EVT{len(self.events) + 1:08d}", application_id, STAGES[index], self.at(moment)))
        hired_at = kw.get("hired_at") if reached == 4 else None
        if hired_at is not None:
            status = "hired"
        elif furthest < 0:
            status = "withdrawn" if started < end - dt.timedelta(days=14) else "in_progress"
        elif reached < furthest or (submitted + dt.timedelta(days=span_days)) >= end:
            status = "in_progress"
        else:
            status = rng.choice(["rejected", "rejected", "rejected", "withdrawn"])
        self.applications.append(
            (
                application_id,
                candidate_id,
                opening_id,
                self.at(started),
                self.at(submitted) if submitted else None,
                self.at(hired_at) if hired_at else None,
                status,
                kw.get("employee_id"),
            )
        )

    def opening(self, department: str, opened: dt.date, filled_at: dt.datetime | None, closed: dt.date | None):
        opening_id = f"JOB{len(self.openings) + 1:06d}"
        self.openings.append(
            (
                opening_id,
                f"{department.title()} role",
                department,
                opened,
                filled_at.date() if filled_at else None,
                closed,
            )
        )
        return opening_id

    def applicants(self, opening_id: str, window_start: dt.datetime, window_end: dt.datetime) -> None:
        rng = self.rng
        window_start = max(window_start, self.company.start_at)
        window_end = min(window_end, self.company.end_at - dt.timedelta(hours=2))
        seconds = max(int((window_end - window_start).total_seconds()), 3600)
        for _ in range(rng.randint(3, 9)):
            started = window_start + dt.timedelta(seconds=rng.randrange(seconds))
            if started >= self.company.end_at:
                continue
            furthest = weighted(rng, FURTHEST_STAGES)[0]
            self.application(opening_id, started, furthest, rng.uniform(10, 40))


def generate(company: Company, writer: TableWriter) -> None:
    ats = _Ats(company)
    rng = ats.rng
    start_at, end_at = company.start_at, company.end_at

    # Filled openings: one per employment spell starting inside the period.
    for employee in company.employees:
        for spell in employee.spells:
            if spell.start_date < company.start:
                continue
            accepted = dt.datetime.combine(spell.start_date, dt.time(10)) - dt.timedelta(
                days=rng.randint(7, 30), minutes=rng.randrange(600)
            )
            accepted = max(accepted, start_at + dt.timedelta(days=3))
            opened = (accepted - dt.timedelta(days=rng.randint(20, 80))).date()
            opening_id = ats.opening(employee.department, opened, accepted, None)
            span = rng.uniform(10, 40)
            started = max(accepted - dt.timedelta(days=span), start_at)
            source = weighted(rng, SOURCES)[0]
            ats.application(
                opening_id,
                started,
                4,
                max((accepted - started).total_seconds() / 86_400 - 0.1, 0.5),
                source=source,
                hired_at=accepted,
                employee_id=employee.employee_id,
            )
            ats.applicants(opening_id, dt.datetime.combine(opened, dt.time()), accepted)

    # Openings closed without a hire, and openings still open at the end of the data.
    departments = sorted({employee.department for employee in company.employees})
    for month_index, month in enumerate(company.month_starts):
        for _ in range(company.scaled(0.9)):
            opened = month + dt.timedelta(days=rng.randrange(28))
            closed = opened + dt.timedelta(days=rng.randint(25, 90))
            still_open = closed >= company.end
            opening_id = ats.opening(rng.choice(departments), opened, None, None if still_open else closed)
            ats.applicants(
                opening_id,
                dt.datetime.combine(opened, dt.time()),
                min(dt.datetime.combine(closed, dt.time()), end_at),
            )
        # Passive candidates a recruiter engaged who never applied.
        for _ in range(company.scaled(3 * company.growth(month_index) ** 0.5)):
            ats.candidate(company.random_time_in_month(rng, month_index), "sourced")

    # Recruiting costs: recruiters and tools every month, external fees and ads.
    number = 0
    for month in company.month_starts:
        lines = [("internal", "recruiter_time", 4200), ("internal", "ats_licence", 600), ("external", "job_board", 900)]
        lines += [("external", "agency_fee", 6500)] * (rng.random() < 0.45)
        lines += [("external", "career_event", 1500)] * (rng.random() < 0.2)
        for cost_type, category, base in lines:
            for _ in range(company.scaled(1)):
                number += 1
                ats.costs.append(
                    (
                        f"RC{number:07d}",
                        month + dt.timedelta(days=rng.randrange(28)),
                        cost_type,
                        category,
                        f"{base * rng.uniform(0.8, 1.25):.2f}",
                    )
                )

    writer.write(
        SOURCE,
        "job_openings",
        ["opening_id", "title", "department", "opened_date", "filled_date", "closed_date"],
        ats.openings,
    )
    writer.write(SOURCE, "candidates", ["candidate_id", "source", "is_passive", "first_engaged_at"], ats.candidates)
    writer.write(
        SOURCE,
        "applications",
        [
            "application_id",
            "candidate_id",
            "opening_id",
            "started_at",
            "submitted_at",
            "offer_accepted_at",
            "status",
            "hired_employee_id",
        ],
        ats.applications,
    )
    writer.write(
        SOURCE, "application_stage_events", ["stage_event_id", "application_id", "stage", "entered_at"], ats.events
    )
    writer.write(SOURCE, "recruiting_costs", ["cost_id", "cost_date", "cost_type", "category", "amount"], ats.costs)
