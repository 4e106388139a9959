"""HRIS export: employment spells, salary history, absences and training spend of the shared staff."""

from __future__ import annotations

import datetime as dt

from .core import Company, add_months
from .writer import TableWriter

SOURCE = "hris"
COURSES = ["Conference ticket", "Online course", "Leadership programme", "Certification exam", "Team workshop"]


def _last_day(spell_end: dt.date | None, company: Company) -> dt.date:
    """Last day a spell is active within the data period."""
    return min(spell_end or company.end - dt.timedelta(days=1), company.end - dt.timedelta(days=1))


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    employees = company.employees

    def employee_rows():
        for employee in employees:
            for number, spell in enumerate(employee.spells, start=1):
                row = (
                    f"{employee.employee_id}-{number}",
                    employee.employee_id,
                    employee.gender,
                    employee.department,
                    employee.job_level,
                    employee.employment_type,
                    spell.start_date,
                    spell.termination_date,
                )
                yield row
                if rng.random() < 0.01:  # the HRIS export sometimes repeats a record
                    yield row

    def salary_rows():
        number = 0
        for employee in employees:
            for spell in employee.spells:
                salary = employee.base_salary
                effective = spell.start_date
                last = _last_day(spell.termination_date, company)
                while effective <= last:
                    number += 1
                    yield (f"SAL{number:07d}", employee.employee_id, effective, f"{salary:.2f}")
                    effective = dt.date(effective.year + 1, effective.month, min(effective.day, 28))
                    salary = round(salary * rng.uniform(1.01, 1.06), -2)

    def absence_rows():
        number = 0
        for employee in employees:
            for spell in employee.spells:
                last = _last_day(spell.termination_date, company)
                for month in company.month_starts:
                    month_end = add_months(month, 1) - dt.timedelta(days=1)
                    first = max(month, spell.start_date)
                    final = min(month_end, last)
                    if first > final:
                        continue
                    span = (final - first).days + 1
                    draws = [
                        ("sickness", "unplanned", 0.22, (1, 4)),
                        ("vacation", "planned", 0.30, (1, 8)),
                        ("personal", "unplanned", 0.04, (1, 1)),
                        ("no_show", "unplanned", 0.01, (1, 1)),
                    ]
                    for absence_type, category, chance, (low, high) in draws:
                        if rng.random() >= chance:
                            continue
                        number += 1
                        start = first + dt.timedelta(days=rng.randrange(span))
                        end = min(start + dt.timedelta(days=rng.randint(low, high) - 1), last)
                        fraction = 0.5 if start == end and rng.random() < 0.15 else None
                        row = (f"ABS{number:07d}", employee.employee_id, absence_type, category, start, end, fraction)
                        yield row
                        if rng.random() < 0.01:
                            yield row

    def training_rows():
        number = 0
        staff = [employee.employee_id for employee in employees]
        for month_index, month in enumerate(company.month_starts):
            days = (add_months(month, 1) - month).days
            for _ in range(company.scaled(6 * company.growth(month_index) ** 0.5)):
                number += 1
                yield (
                    f"TRN{number:07d}",
                    month + dt.timedelta(days=rng.randrange(days)),
                    f"{rng.choice([150, 300, 450, 900, 1200, 2500]) * rng.uniform(0.8, 1.2):.2f}",
                    rng.choice(staff) if rng.random() < 0.7 else None,
                    rng.choice(COURSES),
                )

    writer.write(
        SOURCE,
        "employees",
        [
            "employment_id",
            "employee_id",
            "gender",
            "department",
            "job_level",
            "employment_type",
            "start_date",
            "termination_date",
        ],
        employee_rows(),
    )
    writer.write(SOURCE, "salaries", ["salary_id", "employee_id", "effective_date", "annual_salary"], salary_rows())
    writer.write(
        SOURCE,
        "absences",
        ["absence_id", "employee_id", "absence_type", "category", "start_date", "end_date", "day_fraction"],
        absence_rows(),
    )
    writer.write(
        SOURCE,
        "training_spend",
        ["training_spend_id", "spend_date", "amount", "employee_id", "course_name"],
        training_rows(),
    )
