"""Bank feed of the company's own accounts: customer payments of the invoices, supplier bill
payments, payroll, marketing (the ad platforms' spend of the month plus the ledger's non-ad
marketing costs, so bank, ledger and ads agree), a funding round, and monthly transfers between the company's
operating and savings accounts (both legs, each naming the other account)."""

from __future__ import annotations

import datetime as dt

from . import accounting, ads, ledger
from .core import Company, add_months
from .writer import TableWriter

SOURCE = "bank"
OPERATING, SAVINGS = "BA-OPERATING", "BA-SAVINGS"


def monthly_payroll(company: Company, month: dt.date) -> float:
    """Gross pay plus employer costs of the employees active on the 15th."""
    payday = month + dt.timedelta(days=14)
    return sum(e.base_salary for e in company.employees if e.is_active_on(payday)) / 12 * 1.25


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    books = accounting.build(company)
    ad_spend = ads.monthly_ad_spend(company)
    opened = company.start - dt.timedelta(days=1)
    opening = {OPERATING: 2_000_000 * company.scale, SAVINGS: 3_000_000 * company.scale}
    writer.write(
        SOURCE,
        "bank_accounts",
        ["bank_account_id", "account_name", "opened_date", "opening_balance"],
        [
            (OPERATING, "Operating account", opened, f"{opening[OPERATING]:.2f}"),
            (SAVINGS, "Savings account", opened, f"{opening[SAVINGS]:.2f}"),
        ],
    )

    def rows():
        number = 0

        def tx(account, day, amount, counterparty, counterparty_account, memo):
            nonlocal number
            number += 1
            return (f"TX{number:08d}", account, day, f"{amount:.2f}", counterparty, counterparty_account, memo)

        for invoice in books.invoices:
            if invoice.paid is not None:
                yield tx(OPERATING, invoice.paid, invoice.amount * 1.2, invoice.party, None, invoice.document_id)
        for bill in books.bills:
            if bill.paid is not None:
                yield tx(OPERATING, bill.paid, -bill.amount * 1.2, bill.party, None, bill.document_id)
        for month_index, month in enumerate(company.month_starts):
            last_day = add_months(month, 1) - dt.timedelta(days=1)
            yield tx(OPERATING, last_day, -monthly_payroll(company, month), "Payroll", None, "Salaries")
            ads_day = month + dt.timedelta(days=rng.randrange(3, 10))
            yield tx(OPERATING, ads_day, -ad_spend[month], "Ad networks", None, "Ads")
            marketing = ledger.non_ad_marketing_cost(company, month_index)
            yield tx(OPERATING, ads_day, -marketing, "Marketing vendors", None, "Tools, content and events")
            for _ in range(company.scaled(20)):
                card = rng.uniform(20, 600)
                yield tx(OPERATING, month + dt.timedelta(days=rng.randrange(28)), -card, "Card", None, "Expenses")
            if month_index == 9:
                yield tx(
                    OPERATING, month + dt.timedelta(days=12), 10_000_000 * company.scale, "Investors", None, "Series A"
                )
            # move cash from savings to operating each month: two legs, excluded from burn
            transfer = 150_000 * company.scale
            day = month + dt.timedelta(days=1)
            yield tx(SAVINGS, day, -transfer, "Own operating account", OPERATING, "Internal transfer")
            row = tx(OPERATING, day, transfer, "Own savings account", SAVINGS, "Internal transfer")
            yield row
            if rng.random() < 0.1:  # the feed sometimes repeats a line
                yield row

    writer.write(
        SOURCE,
        "bank_transactions",
        [
            "transaction_id",
            "bank_account_id",
            "booked_date",
            "amount",
            "counterparty_name",
            "counterparty_bank_account_id",
            "description",
        ],
        rows(),
    )
