"""Engagement-survey export: monthly pulse answers to 'would you recommend us as an employer' (0-10)."""

from __future__ import annotations

import datetime as dt

from .core import Company, add_months, local_iso, weighted
from .writer import TableWriter

SOURCE = "engagement"
# (score 0-10, weight)
SCORE_WEIGHTS = list(zip(range(11), [1, 1, 1, 2, 2, 3, 5, 10, 16, 14, 10], strict=True))
OFFSETS = [0, 60, -300, -480, 330]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)

    def response_rows():
        number = 0
        for month in company.month_starts:
            survey_id = f"PULSE-{month:%Y-%m}"
            opened = month + dt.timedelta(days=9)
            closes = min(add_months(month, 1), company.end) - month - dt.timedelta(days=9)
            for employee in company.employees:
                if not employee.is_active_on(opened) or rng.random() >= 0.45:
                    continue
                number += 1
                moment = dt.datetime.combine(opened, dt.time()) + dt.timedelta(
                    seconds=rng.randrange(int(closes.total_seconds()))
                )
                score = weighted(rng, SCORE_WEIGHTS)[0] if rng.random() > 0.03 else None
                yield (
                    f"RSP{number:08d}",
                    survey_id,
                    employee.employee_id if rng.random() > 0.2 else None,
                    local_iso(moment, rng.choice(OFFSETS)),
                    score,
                )

    writer.write(
        SOURCE,
        "employee_survey_responses",
        ["response_id", "survey_id", "employee_id", "responded_at", "score"],
        response_rows(),
    )
