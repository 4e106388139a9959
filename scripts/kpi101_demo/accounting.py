"""Accounting export: customer invoices (one per billing period of each paid subscription)
and supplier bills (recurring contracts and one-off purchases), with due and paid dates.

``build`` draws them once per company and is cached, so the bank feed books the same
payments on the same days.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from . import billing
from .core import Company, add_months
from .writer import TableWriter

SOURCE = "accounting"
RECURRING_SUPPLIERS = [
    # (supplier, category, monthly amount at scale 1 before growth)
    ("CloudCo", "hosting", 6_000),
    ("OfficeSpace Ltd", "rent", 9_000),
    ("SaaS Tools Inc", "software", 2_500),
]
ONE_OFF_SUPPLIERS = [("Design Studio", "services"), ("Law Firm", "legal"), ("Event Agency", "events")]
TAX_RATE = 0.2


@dataclass(frozen=True)
class Document:
    document_id: str
    party: str  # customer_id for invoices, supplier name for bills
    category: str
    issued: dt.date
    due: dt.date
    paid: dt.date | None
    amount: float
    is_recurring: bool


@dataclass(frozen=True)
class Books:
    invoices: tuple[Document, ...]
    bills: tuple[Document, ...]


def _payment_date(rng: random.Random, issued: dt.date, terms: int, end: dt.date, late_share: float) -> dt.date | None:
    if rng.random() < 0.02:
        return None  # never paid
    delay = rng.randrange(0, terms + 1) if rng.random() > late_share else terms + rng.randrange(1, 45)
    paid = issued + dt.timedelta(days=delay)
    return paid if paid < end else None


# Built once per company (seed, scale, calendar) in a process: several modules share it.
_BUILT: dict[tuple, Books] = {}


def _build(company: Company) -> Books:
    """Draws from a stream of its own, so it only reads the company's shared entities."""
    seed = company.seed
    rng = random.Random(f"kpi101:{seed}:accounting.documents")
    end = company.end
    invoices = []
    for sub in billing.build(company).subscriptions:
        interval = 12 if billing.PLAN_BY_ID[sub.plan_id][2] == "year" else 1
        period = sub.paid_start_at
        first_month = period.date().replace(day=1)
        offset_in_month = period - dt.datetime.combine(first_month, dt.time())
        step = 0
        while period < company.end_at and (sub.ended_at is None or period < sub.ended_at):
            issued = period.date()
            terms = rng.choice([14, 30])
            invoices.append(
                Document(
                    f"INV{len(invoices) + 1:08d}",
                    sub.customer_id,
                    sub.plan_id,
                    issued,
                    issued + dt.timedelta(days=terms),
                    _payment_date(rng, issued, terms, end, 0.15),
                    round(sub.mrr * interval, 2),
                    True,
                )
            )
            step += interval
            period = dt.datetime.combine(add_months(first_month, step), dt.time()) + offset_in_month
    bills = []
    for month_index, month in enumerate(company.month_starts):
        growth = company.growth(month_index)
        contracts = [
            (f"{supplier} #{copy + 1}" if copy else supplier, category, amount)
            for copy in range(company.scaled(1))
            for supplier, category, amount in RECURRING_SUPPLIERS
        ]
        for supplier, category, amount in contracts:
            issued = month + dt.timedelta(days=rng.randrange(0, 5))
            bills.append(
                Document(
                    f"BILL{len(bills) + 1:07d}",
                    supplier,
                    category,
                    issued,
                    issued + dt.timedelta(days=30),
                    _payment_date(rng, issued, 30, end, 0.1),
                    round(amount * growth**0.5 * rng.uniform(0.95, 1.05), 2),
                    True,
                )
            )
        for _ in range(company.scaled(6 * growth**0.5)):
            supplier, category = rng.choice(ONE_OFF_SUPPLIERS)
            issued = month + dt.timedelta(days=rng.randrange(0, 28))
            bills.append(
                Document(
                    f"BILL{len(bills) + 1:07d}",
                    supplier,
                    category,
                    issued,
                    issued + dt.timedelta(days=rng.choice([15, 30, 45])),
                    _payment_date(rng, issued, 30, end, 0.2),
                    round(rng.uniform(300, 4_000), 2),
                    False,
                )
            )
    return Books(tuple(invoices), tuple(bills))


def build(company: Company) -> Books:
    """The company's invoices and bills, drawn once and shared with the bank feed."""
    key = (company.seed, company.scale, company.start, company.months)
    if key not in _BUILT:
        _BUILT[key] = _build(company)
    return _BUILT[key]


def generate(company: Company, writer: TableWriter) -> None:
    books = build(company)
    rng = company.rng(SOURCE)

    def bill_rows():
        for bill in books.bills:
            row = (
                bill.document_id,
                bill.party,
                bill.category,
                bill.issued,
                bill.due,
                bill.paid,
                f"{bill.amount:.2f}",
                f"{bill.amount * TAX_RATE:.2f}",
                bill.is_recurring,
            )
            yield row
            if rng.random() < 0.01:  # exported twice
                yield row

    writer.write(
        SOURCE,
        "supplier_bills",
        [
            "bill_id",
            "supplier_name",
            "category",
            "received_date",
            "due_date",
            "paid_date",
            "amount_excl_tax",
            "tax_amount",
            "is_recurring",
        ],
        bill_rows(),
    )
    writer.write(
        SOURCE,
        "customer_invoices",
        ["invoice_id", "customer_id", "issued_date", "due_date", "paid_date", "amount_excl_tax", "tax_amount"],
        (
            (i.document_id, i.party, i.issued, i.due, i.paid, f"{i.amount:.2f}", f"{i.amount * TAX_RATE:.2f}")
            for i in books.invoices
        ),
    )
