"""General ledger: chart of accounts and postings. Subscription revenue is recognised per
customer and month from the billing subscriptions (MRR x paid share of the month); costs of
goods sold follow revenue; operating expenses follow payroll by department and marketing.
Marketing expense = the ad platforms' spend of the month (account 6000, the same amount the
ads export reports and the bank pays) + the non-ad marketing costs below (account 6020)."""

from __future__ import annotations

import datetime as dt

from . import ads, billing
from .core import Company, add_months
from .writer import TableWriter

SOURCE = "ledger"
ACCOUNTS = [
    ("4000", "Subscription revenue", "revenue", "subscription"),
    ("4100", "Professional services revenue", "revenue", "services"),
    ("5000", "Hosting and infrastructure", "cogs", "hosting"),
    ("5100", "Support tooling and contractors", "cogs", "support"),
    ("6000", "Advertising", "opex", "sales_marketing"),
    ("6010", "Sales and marketing salaries", "opex", "sales_marketing"),
    ("6020", "Marketing tools, content and events", "opex", "sales_marketing"),
    ("6100", "Research and development salaries", "opex", "rnd"),
    ("6200", "General and administrative", "opex", "g_and_a"),
]
# Marketing costs that are not ad-platform spend, per month at scale 1 (growing with activity).
NON_AD_MARKETING_COSTS = [
    ("Marketing tools", 1_200.0),
    ("Content and design freelancers", 2_000.0),
    ("Events and sponsorships", 1_500.0),
]


def non_ad_marketing_cost(company: Company, month_index: int) -> float:
    """The month's marketing costs outside the ad platforms (tools, content, events)."""
    return sum(amount for _, amount in NON_AD_MARKETING_COSTS) * company.scale * company.growth(month_index)


PAYROLL_ACCOUNT = {
    "sales": "6010",
    "marketing": "6010",
    "engineering": "6100",
    "product": "6100",
}


_EPOCH = dt.datetime(1970, 1, 1)


def _microseconds(moment: dt.datetime | None) -> int | None:
    """Whole microseconds since 1970 of a naive UTC time (None stays None)."""
    return None if moment is None else (moment - _EPOCH) // dt.timedelta(microseconds=1)


def _month_index(company: Company, moment: dt.datetime) -> int:
    return (moment.year - company.start.year) * 12 + moment.month - company.start.month


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    subscriptions = billing.build(company).subscriptions
    ad_spend = ads.monthly_ad_spend(company)
    writer.write(SOURCE, "gl_accounts", ["account_id", "account_name", "account_type", "category"], ACCOUNTS)

    def rows():
        number = 0

        def post(account, day, amount, memo):
            nonlocal number
            number += 1
            return (f"GL{number:08d}", account, day, f"{amount:.2f}", memo)

        by_customer: dict[str, list[billing.Subscription]] = {}
        for sub in subscriptions:
            by_customer.setdefault(sub.customer_id, []).append(sub)
        # Each month only visits the customers paying in it (the others would post nothing), with
        # each subscription's (MRR, paid start, end or None) read once rather than every month.
        paying_in_month: list[list[tuple[str, list[tuple]]]] = [[] for _ in company.month_starts]
        for customer_id, subs in by_customer.items():
            first = min(_month_index(company, sub.paid_start_at) for sub in subs)
            last = max(_month_index(company, sub.ended_at or company.end_at) for sub in subs)
            paid_spans = [(sub.mrr, _microseconds(sub.paid_start_at), _microseconds(sub.ended_at)) for sub in subs]
            for month_index in range(max(first, 0), min(last, company.months - 1) + 1):
                paying_in_month[month_index].append((customer_id, paid_spans))
        for month_index, month in enumerate(company.month_starts):
            start = dt.datetime.combine(month, dt.time())
            end = dt.datetime.combine(add_months(month, 1), dt.time())
            last_day = end.date() - dt.timedelta(days=1)
            start_us, end_us = _microseconds(start), _microseconds(end)
            month_seconds = (end_us - start_us) / 1_000_000
            revenue = 0.0
            for customer_id, paid_spans in paying_in_month[month_index]:
                # billing.paid_fraction on whole microseconds: the same floats, without datetimes
                amount = sum(
                    mrr
                    * max(
                        0.0,
                        ((end_us if ended is None or ended > end_us else ended) - max(start_us, paid_start))
                        / 1_000_000
                        / month_seconds,
                    )
                    for mrr, paid_start, ended in paid_spans
                )
                if amount >= 0.01:
                    revenue += amount
                    yield post("4000", last_day, amount, f"Subscription revenue {customer_id}")
                    if rng.random() < 0.004:  # a refund reverses part of it
                        yield post("4000", last_day, -round(amount * 0.5, 2), f"Refund {customer_id}")
            services = revenue * rng.uniform(0.02, 0.05)
            revenue += services
            yield post("4100", last_day, services, "Onboarding services")
            yield post("5000", last_day, 300 * company.scale + revenue * rng.uniform(0.18, 0.22), "Hosting")
            yield post("5100", last_day, revenue * rng.uniform(0.08, 0.1), "Support contractors")
            payroll: dict[str, float] = {}
            payday = month + dt.timedelta(days=14)
            for employee in company.employees:
                if employee.is_active_on(payday):
                    account = PAYROLL_ACCOUNT.get(employee.department, "6200")
                    payroll[account] = payroll.get(account, 0.0) + employee.base_salary / 12 * 1.25
            for account, amount in sorted(payroll.items()):
                yield post(account, last_day, amount, "Payroll")
            yield post("6000", last_day, ad_spend[month], "Ad spend")
            for memo, amount in NON_AD_MARKETING_COSTS:
                share = amount / sum(cost for _, cost in NON_AD_MARKETING_COSTS)
                yield post("6020", last_day, non_ad_marketing_cost(company, month_index) * share, memo)
            yield post("6200", last_day, 9_000 * company.scale, "Rent")

    writer.write(SOURCE, "gl_postings", ["posting_id", "account_id", "posted_date", "amount", "description"], rows())
