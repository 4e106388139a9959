"""Shared steps of the partial-data tests: a database holding only one connector's tables, the
build of what it can feed (scripts/build_available.py), and the comparison with expected values."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]


def database_with_only(path: Path, schema: str, csv_folder: Path) -> Path:
    """A DuckDB file holding one connector's tables (one per CSV of the folder) and nothing else."""
    with duckdb.connect(str(path)) as con:
        con.execute(f'create schema "{schema}"')
        for csv_path in sorted(csv_folder.glob("*.csv")):
            con.execute(
                f'create table "{schema}"."{csv_path.stem}" as select * from read_csv(?, header = true)',
                [str(csv_path)],
            )
    return path


def dbt_environment(tmp_path: Path, database: Path) -> dict[str, str]:
    """dbt on the dev target writing to this database, with its artifacts and logs under tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KPI101_", "DBT_"))}
    env.update(
        DO_NOT_TRACK="1",
        KPI101_TARGET="dev",
        KPI101_DUCKDB_PATH=str(database),
        DBT_TARGET_PATH=str(tmp_path / "target"),
        DBT_LOG_PATH=str(tmp_path / "logs"),
    )
    return env


def build_available(
    tmp_path: Path, database: Path, adapters: dict, *dbt_args: str, extra_vars: dict | None = None
) -> subprocess.CompletedProcess:
    env = dbt_environment(tmp_path, database)
    command = [
        sys.executable,
        str(REPO / "scripts" / "build_available.py"),
        "--vars",
        json.dumps({"adapters": adapters, **(extra_vars or {})}),
        *dbt_args,
    ]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)


def mart_values(database: Path, marts: list[str]) -> dict[tuple, float | None]:
    query = " union all ".join(
        f"select kpi_name, period_month, dimension, dimension_value, value from main.{mart}" for mart in marts
    )
    with duckdb.connect(str(database), read_only=True) as con:
        return {
            (name, str(month), dim, dim_value): value
            for name, month, dim, dim_value, value in con.sql(query).fetchall()
        }


def expected_values(domains: list[str], kpis: set[str]) -> dict[tuple, float]:
    """The hand-worked values of the domains' expected seeds for these KPIs (rows with a value)."""
    values = {}
    for domain in domains:
        with (REPO / "seeds" / "expected" / f"expected_{domain}_kpis.csv").open() as handle:
            for row in csv.DictReader(handle):
                if row["kpi_name"] in kpis and row["value"] != "":
                    key = (row["kpi_name"], row["period_month"], row["dimension"], row["dimension_value"])
                    values[key] = float(row["value"])
    return values


def assert_equal_to_expected(built: dict[tuple, float | None], expected: dict[tuple, float]) -> None:
    for key, value in expected.items():
        assert key in built, f"missing {key}"
        assert abs(built[key] - value) <= 1e-6 * max(1.0, abs(value)), f"{key}: built {built[key]}, expected {value}"


def fed_kpis(connector: str, domain: str) -> set[str]:
    """The KPIs of a domain whose every source table the connector's adapter fills with rows."""
    sys.path.insert(0, str(REPO / "scripts"))
    import connector_coverage

    fed = {table for table, rows in connector_coverage.connector_tables()[connector].items() if rows}
    return {
        name
        for name, kpi_domain, sources in connector_coverage.kpi_sources()
        if kpi_domain == domain and sources and set(sources) <= fed
    }


def build_one_mart(
    tmp_path: Path, database: Path, adapters: dict, domain: str, extra_vars: dict | None = None
) -> subprocess.CompletedProcess:
    """build_available of one domain mart and what it needs, data tests but no unit tests."""
    return build_available(
        tmp_path,
        database,
        adapters,
        "--select",
        f"+{domain}_kpis",
        "kpi_definitions",
        "kpi_outputs",
        "--indirect-selection",
        "cautious",
        "--exclude-resource-type",
        "unit_test",
        extra_vars=extra_vars,
    )


def values_of(built: dict[tuple, float | None], kpi_names: tuple[str, ...]) -> set[float | None]:
    return {value for (name, *_), value in built.items() if name in kpi_names}
