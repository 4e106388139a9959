"""Sales CRM export: sales reps, leads, activities, deals and monthly targets.

Reps are the sales department's employees with their employment spells; leads are owned by a
rep active that day; deals come from sales-qualified leads (and some straight from accounts)
and close won for company customers. Shared with the SaaS domain (MRR closed vs quota).
"""

from __future__ import annotations

import datetime as dt

from .core import COUNTRIES, Company, add_months, local_iso, weighted
from .writer import TableWriter

SOURCE = "crm"
TEAMS = ["east", "west", "central", "emea"]
LEAD_SOURCES = [("inbound", 45), ("outbound", 25), ("event", 12), ("partner", 10), ("referral", 8)]
ACTIVITY_STATUSES = [("completed", 92), ("scheduled", 3), ("cancelled", 5)]
ACTIVITY_TYPES = [("email", 45), ("call", 35), ("meeting", 14), ("demo", 6)]


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    end_at = company.end_at
    reps = company.employees_in("sales")
    days = (company.end - company.start).days
    active_by_day: list[list[str]] = [[] for _ in range(days)]
    for rep in reps:  # in rep order, from each employment spell's days in the period
        for spell in rep.spells:
            first = max((spell.start_date - company.start).days, 0)
            after = (
                days if spell.termination_date is None else min((spell.termination_date - company.start).days + 1, days)
            )
            for day in range(first, after):
                if not active_by_day[day] or active_by_day[day][-1] != rep.employee_id:
                    active_by_day[day].append(rep.employee_id)
    all_rep_ids = [rep.employee_id for rep in reps] or ["E000000"]
    customers_by_month: dict[int, list[str]] = {}
    for customer in company.customers:
        index = (customer.created_at.year - company.start.year) * 12 + customer.created_at.month - company.start.month
        customers_by_month.setdefault(index, []).append(customer.customer_id)

    def rep_on(moment: dt.datetime) -> str:
        index = min(max((moment.date() - company.start).days, 0), days - 1)
        return rng.choice(active_by_day[index] or all_rep_ids)

    def customer_near(moment: dt.datetime) -> str | None:
        index = (moment.year - company.start.year) * 12 + moment.month - company.start.month
        for step in (0, -1, 1, -2):
            candidates = customers_by_month.get(index + step)
            if candidates:
                return rng.choice(candidates)
        return None

    def zone() -> int:
        return weighted(rng, COUNTRIES)[1]

    rep_rows = []
    for rep in reps:
        team = rng.choice(TEAMS)
        for spell in rep.spells:
            rep_rows.append((rep.employee_id, team, spell.start_date, spell.termination_date))

    leads, activities, deals = [], [], []

    def log_activity(rep_id: str, at: dt.datetime, lead_id: str | None, deal_id: str | None) -> None:
        if at >= end_at:
            return
        kind = weighted(rng, ACTIVITY_TYPES)[0]
        status = weighted(rng, ACTIVITY_STATUSES)[0]
        completed = local_iso(at, zone()) if status == "completed" else None
        row = (f"A{len(activities) + 1:08d}", kind, rep_id, lead_id, deal_id, status, completed)
        activities.append(row)
        if rng.random() < 0.01:  # the export repeats a row now and then
            activities.append(row)

    def open_deal(lead_id: str | None, created: dt.datetime, rep_id: str) -> str | None:
        """Adds a deal and its activities; returns the won account, if any."""
        if created >= end_at:
            return None
        deal_id = f"D{len(deals) + 1:07d}"
        created_date = created.date()
        cycle = int(rng.expovariate(1 / 45)) if rng.random() > 0.05 else 0
        close = created_date + dt.timedelta(days=cycle)
        amount = round(rng.lognormvariate(9.0, 0.6), 2)
        mrr = round(amount / 12, 2)
        if close >= company.end:
            stage, close_date = "open", None
        else:
            stage, close_date = ("closed_won", close) if rng.random() < 0.42 else ("closed_lost", close)
        account = (
            customer_near(dt.datetime.combine(close, dt.time())) if stage == "closed_won" else customer_near(created)
        )
        deals.append(
            (
                deal_id,
                lead_id,
                account,
                rep_id,
                local_iso(created, zone()),
                close_date,
                stage,
                None if stage == "open" and rng.random() < 0.1 else amount,
                None if stage == "open" and rng.random() < 0.1 else mrr,
            )
        )
        last = dt.datetime.combine(close, dt.time(18))
        for _ in range(rng.randrange(0, 6)):
            span = max((last - created).total_seconds(), 3600)
            log_activity(rep_id, created + dt.timedelta(seconds=rng.uniform(0, span)), None, deal_id)
        return account if stage == "closed_won" else None

    for month_index in range(company.months):
        for _ in range(company.scaled(60 * company.growth(month_index))):
            lead_id = f"L{len(leads) + 1:07d}"
            created = company.random_time_in_month(rng, month_index)
            owner = rep_on(created) if rng.random() > 0.05 else None
            mql = created + dt.timedelta(hours=rng.uniform(1, 24 * 20)) if rng.random() < 0.5 else None
            sql = mql + dt.timedelta(hours=rng.uniform(2, 24 * 110)) if mql and rng.random() < 0.45 else None
            mql = mql if mql and mql < end_at else None
            sql = sql if sql and sql < end_at else None
            offset = zone()
            lead_row = [
                lead_id,
                local_iso(created, offset),
                local_iso(mql, offset) if mql else None,
                local_iso(sql, offset) if sql else None,
                weighted(rng, LEAD_SOURCES)[0] if rng.random() > 0.03 else None,
                owner,
                None,
            ]
            if rng.random() < 0.85:  # the rest are never contacted
                worker = owner or rep_on(created)
                first = created + dt.timedelta(hours=rng.expovariate(1 / 18))
                log_activity(worker, first, lead_id, None)
                for _ in range(rng.randrange(0, 4)):
                    log_activity(worker, first + dt.timedelta(hours=rng.uniform(1, 24 * 30)), lead_id, None)
            if sql and rng.random() < 0.65:
                lead_row[6] = open_deal(
                    lead_id, sql + dt.timedelta(hours=rng.uniform(0, 24 * 10)), owner or rep_on(sql)
                )
            leads.append(tuple(lead_row))
        for _ in range(company.scaled(4 * company.growth(month_index))):  # deals opened on an account directly
            created = company.random_time_in_month(rng, month_index)
            open_deal(None, created, rep_on(created))

    target_rows = []
    for month_start in company.month_starts:
        month_end = add_months(month_start, 1) - dt.timedelta(days=1)
        for rep in reps:
            active = any(
                s.start_date <= month_end and (s.termination_date is None or s.termination_date >= month_start)
                for s in rep.spells
            )
            if active:
                quota = round(rng.uniform(1_500, 3_500), -1)
                target_rows.append((month_start, rep.employee_id, quota, rng.randrange(3, 8)))

    writer.write(SOURCE, "sales_reps", ["rep_id", "team", "active_from", "active_to"], rep_rows)
    writer.write(
        SOURCE,
        "leads",
        ["lead_id", "created_at", "mql_at", "sql_at", "lead_source", "owner_id", "converted_account_id"],
        leads,
    )
    writer.write(
        SOURCE,
        "activities",
        ["activity_id", "activity_type", "owner_id", "lead_id", "deal_id", "status", "completed_at"],
        activities,
    )
    writer.write(
        SOURCE,
        "deals",
        ["deal_id", "lead_id", "account_id", "owner_id", "created_at", "close_date", "stage", "amount", "mrr"],
        deals,
    )
    writer.write(SOURCE, "sales_targets", ["target_month", "rep_id", "mrr_quota", "pipeline_target_count"], target_rows)
