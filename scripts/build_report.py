"""Writes the KPI dashboard: one self-contained HTML file (data, charts library and styles
inlined) read from a built kpi101 database opened read-only. Charts use plotly.js, shipped by
the pinned `plotly` PyPI package and inlined at build time, so the file opens offline."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import duckdb
from plotly.offline import get_plotlyjs

REPO = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = REPO / "report"
DOMAINS = ["startup", "ecommerce", "finance", "marketing", "saas", "sales", "mobile_app", "hr", "support"]
SPARKLINE_MONTHS = 24
BREAKDOWN_BARS = 10
PERCENT_HINTS = ("rate", "pct", "share", "margin", "roi", "growth", "gap")


def display_unit(unit: str, kpi_name: str, max_value: str | None) -> str:
    """How the report formats a value: ratios bounded by 1 or named as rates are percentages,
    other ratios (quick ratio, LTV:CAC, coverage of a target) are multiples."""
    if unit != "ratio":
        return unit
    if max_value in ("1", "1.0") or any(hint in kpi_name for hint in PERCENT_HINTS):
        return "percent"
    return "multiple"


def load(con: duckdb.DuckDBPyConnection) -> dict:
    outputs = con.sql(
        """
        select
            catalog.kpi_name, catalog.kpi_id, catalog.kpi_spec_name, catalog.domain, catalog.label,
            catalog.description, catalog.unit, catalog.higher_is_better, catalog.is_primary,
            catalog.is_cohort, catalog.aggregation, catalog.dimensions,
            cast(seed.max_value as varchar) as max_value
        from kpi_output_catalog as catalog
        inner join kpi_outputs as seed on catalog.kpi_name = seed.kpi_name
        where catalog.is_implemented
        order by catalog.kpi_id, not catalog.is_primary, catalog.kpi_name
        """
    ).fetchall()
    rows = con.sql(
        """
        select kpi_name, period_month, dimension, dimension_value, value, is_complete
        from kpis
        order by kpi_name, period_month, dimension, dimension_value
        """
    ).fetchall()
    by_name: dict[str, list[tuple]] = {}
    for row in rows:
        by_name.setdefault(row[0], []).append(row[1:])

    cards = []
    for (
        kpi_name,
        kpi_id,
        spec_name,
        domain,
        label,
        description,
        unit,
        higher_is_better,
        is_primary,
        is_cohort,
        aggregation,
        dimensions,
        max_value,
    ) in outputs:
        dims = dimensions.split("|")
        series_rows = [r for r in by_name.get(kpi_name, []) if r[1] == dims[0]]
        headline_value = "all"
        if dims[0] != "all":
            # No total row (ranks per chart, pay gap per gender): the card follows the first value.
            headline_value = min(r[2] for r in series_rows)
            series_rows = [r for r in series_rows if r[2] == headline_value]
        series = [
            {"month": r[0].isoformat(), "value": r[3], "complete": bool(r[4])} for r in series_rows[-SPARKLINE_MONTHS:]
        ]
        complete = [point for point in series if point["complete"]]
        latest = complete[-1] if complete else None
        previous = None
        if latest is not None:
            earlier = [p for p in series if p["month"] < latest["month"]]
            previous = earlier[-1] if earlier else None
        breakdown = None
        breakdown_dims = [d for d in dims if d != "all"]
        if breakdown_dims and latest is not None:
            dimension = breakdown_dims[0]
            values = [
                (r[2], r[3])
                for r in by_name[kpi_name]
                if r[1] == dimension and r[0].isoformat() == latest["month"] and r[3] is not None
            ]
            values.sort(key=lambda item: (-item[1], item[0]))
            breakdown = {
                "dimension": dimension,
                "more_dimensions": breakdown_dims[1:],
                "month": latest["month"],
                "total_values": len(values),
                "bars": [{"label": str(name), "value": value} for name, value in values[:BREAKDOWN_BARS]],
            }
        cards.append(
            {
                "kpi_name": kpi_name,
                "kpi_id": kpi_id,
                "spec_name": spec_name,
                "domain": domain,
                "label": label,
                "description": description,
                "unit": display_unit(unit, kpi_name, max_value),
                "higher_is_better": bool(higher_is_better),
                "is_primary": bool(is_primary),
                "is_cohort": bool(is_cohort),
                "aggregation": aggregation,
                "headline": None if headline_value == "all" else f"{dims[0]} = {headline_value}",
                "series": series,
                "latest": latest,
                "previous": previous,
                "breakdown": breakdown,
            }
        )

    catalog = [
        dict(
            zip(
                ("kpi_id", "kpi_name", "domain", "label", "description", "formula", "unit", "outputs", "implemented"),
                r,
                strict=True,
            )
        )
        for r in con.sql(
            """
            select kpi_id, kpi_name, domain, label, description, formula, unit,
                   coalesce(produced_kpi_names, declared_kpi_names), is_implemented
            from kpi_catalog order by kpi_id
            """
        ).fetchall()
    ]
    return {"domains": DOMAINS, "cards": cards, "catalog": catalog}


def render(data: dict, currency: str, built_on: str) -> str:
    template = (TEMPLATE_DIR / "template.html").read_text()
    payload = json.dumps(data, separators=(",", ":"), default=str).replace("</", "<\\/")
    replacements = {
        "/*__STYLE__*/": (TEMPLATE_DIR / "report.css").read_text(),
        "/*__PLOTLY__*/": get_plotlyjs(),
        "/*__DATA__*/": f"const REPORT = {payload};\nconst CURRENCY = {json.dumps(currency)};",
        "/*__APP__*/": (TEMPLATE_DIR / "report.js").read_text(),
        "__BUILT_ON__": built_on,
    }
    for marker, text in replacements.items():
        if marker not in template:
            raise SystemExit(f"report/template.html lacks the marker {marker}")
        template = template.replace(marker, text)
    return template


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="kpi101.duckdb", help="built kpi101 DuckDB file (opened read-only)")
    parser.add_argument("--out", default="target/kpi_report.html", help="HTML file to write")
    parser.add_argument("--currency", default="USD", help="label of the reporting currency")
    args = parser.parse_args()
    database = Path(args.database)
    if not database.exists():
        print(f"no database at {database}: run `make run` first", file=sys.stderr)
        return 1
    with duckdb.connect(str(database), read_only=True) as con:
        data = load(con)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, args.currency, date.today().isoformat()))
    print(f"KPI report ({len(data['cards'])} KPI cards): {out.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
