"""Survey-tool export: brand-awareness panel answers and customer NPS answers."""

from __future__ import annotations

import datetime as dt

from .core import COUNTRIES, Company, add_months, local_iso, weighted
from .writer import TableWriter

SOURCE = "surveys"
# NPS score distribution drifts from a mixed start to a more loyal base.
EARLY_SCORES = [(0, 2), (2, 2), (4, 3), (5, 4), (6, 6), (7, 12), (8, 16), (9, 14), (10, 10)]
LATE_SCORES = [(0, 1), (2, 1), (4, 2), (5, 3), (6, 5), (7, 11), (8, 17), (9, 18), (10, 15)]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)

    def brand_rows():
        number = 0
        panel_size = company.scaled(900)
        for month_index in range(company.months):
            # Awareness grows with the company: unaided recall and aided recognition rise slowly.
            recall = 0.06 + 0.006 * month_index
            recognition = 0.22 + 0.012 * month_index
            for _ in range(company.scaled(110)):
                number += 1
                respondent = f"R{rng.randrange(1, panel_size + 1):06d}"
                answered = local_iso(company.random_time_in_month(rng, month_index), weighted(rng, COUNTRIES)[1])
                recalled = rng.random() < recall
                identified = recalled or rng.random() < recognition
                if rng.random() < 0.03:  # skipped both questions
                    recalled_value, identified_value = None, None
                elif rng.random() < 0.05:  # skipped the aided question only
                    recalled_value, identified_value = recalled, None
                else:
                    recalled_value, identified_value = recalled, identified
                yield (f"BR{number:07d}", respondent, answered, recalled_value, identified_value)

    def nps_rows():
        number = 0
        customers = sorted(company.customers, key=lambda customer: customer.created_at)
        for month_index, first in enumerate(company.month_starts):
            month_start = dt.datetime.combine(first, dt.time())
            mid_month = month_start + dt.timedelta(days=14)
            month_end = dt.datetime.combine(add_months(first, 1), dt.time())
            eligible = [customer for customer in customers if customer.created_at < mid_month]
            scores = EARLY_SCORES if month_index < company.months // 2 else LATE_SCORES
            for customer in rng.sample(eligible, k=min(len(eligible), max(6, round(len(eligible) * 0.12)))):
                number += 1
                score = None if rng.random() < 0.03 else weighted(rng, scores)[0]
                earliest = max(month_start, customer.created_at + dt.timedelta(hours=1))
                answered_utc = earliest + (month_end - earliest) * rng.random()
                answered = local_iso(answered_utc, customer.utc_offset_minutes)
                row = (f"NPS{number:07d}", customer.customer_id, score, answered)
                yield row
                if rng.random() < 0.01:  # the tool exports a resubmitted form twice
                    yield row

    writer.write(
        SOURCE,
        "brand_survey_responses",
        ["response_id", "respondent_id", "responded_at", "recalled_brand", "identified_brand"],
        brand_rows(),
    )
    writer.write(SOURCE, "nps_responses", ["response_id", "customer_id", "score", "responded_at"], nps_rows())
