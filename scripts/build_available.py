"""Build with whatever source systems you have: missing systems are reported, never a wall of errors.

Checks which source tables exist in the DuckDB file and have rows. A connector table (Stripe,
Google Ads, ... switched on with ``--vars '{adapters: {...}}'``) that is missing, or lacks a
column of the connector's layout (a required column of its source YAML), is an error naming the
table and column. A raw-contract table that is missing (a system you did not connect) is created empty
with its declared columns, so every mart builds and the KPIs of that system have no rows. One
line per domain says what it has data for; then ``dbt build`` runs with your arguments.

    python scripts/build_available.py --vars '{adapters: {billing: stripe}}'
    python scripts/build_available.py --vars '{adapters: {billing: stripe}}' --select +saas_kpis
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import duckdb
from dbt.cli.main import dbtRunner

ROOT = Path(__file__).resolve().parents[1]
ADAPTERS = ROOT / "models" / "adapters"


def database_path() -> Path:
    if os.environ.get("KPI101_TARGET", "dev") == "fixtures":
        return Path(os.environ.get("KPI101_FIXTURE_DUCKDB_PATH", ROOT / "target" / "fixtures.duckdb"))
    return Path(os.environ.get("KPI101_DUCKDB_PATH", "kpi101.duckdb"))


def existing_tables(path: Path, tables: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, set[str]]]:
    """Row count and lower-case column names of each (schema, table) that exists, read in one
    connection that is closed before dbt runs."""
    if not path.exists():
        return {}
    with duckdb.connect(str(path), read_only=True) as con:
        columns: dict[tuple[str, str], set[str]] = {}
        for schema, table, column in con.sql(
            "select table_schema, table_name, column_name from information_schema.columns"
        ).fetchall():
            if (schema, table) in tables:
                columns.setdefault((schema, table), set()).add(column.lower())
        return {
            (schema, table): (con.sql(f'select count(*) from "{schema}"."{table}"').fetchone()[0], names)
            for (schema, table), names in columns.items()
        }


def upstream_sources(manifest, unique_id: str) -> set[str]:
    seen, stack, sources = set(), [unique_id], set()
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        if node_id.startswith("source."):
            sources.add(node_id)
        elif node_id in manifest.nodes:
            stack.extend(getattr(manifest.nodes[node_id].depends_on, "nodes", []))
    return sources


def main(argv: list[str]) -> int:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    common = ["--project-dir", str(ROOT), "--profiles-dir", str(ROOT / "profiles")]
    user_vars = []
    if "--vars" in argv:
        position = argv.index("--vars")
        user_vars = argv[position : position + 2]
    parsed = dbtRunner().invoke(["parse", *common, *user_vars])
    if not parsed.success:
        return 1
    manifest = parsed.result
    sources = {uid: src for uid, src in manifest.sources.items() if src.package_name == "kpi101"}
    found = existing_tables(database_path(), sorted({(src.schema, src.identifier) for src in sources.values()}))

    def is_connector(src) -> bool:
        in_adapters = Path(ROOT / src.original_file_path).is_relative_to(ADAPTERS)
        return in_adapters and not (src.meta or {}).get("raw_contract")

    missing_connector = [
        src for src in sources.values() if is_connector(src) and (src.schema, src.identifier) not in found
    ]
    if missing_connector:
        for src in missing_connector:
            print(
                f"connector table {src.schema}.{src.identifier} (source {src.source_name}.{src.name}) does not exist;"
                f" columns expected: {', '.join(src.columns)}. Check var connector_schemas.",
                file=sys.stderr,
            )
        return 1
    wrong_connector = []
    for src in sources.values():
        if not is_connector(src):
            continue
        required = [name for name, col in src.columns.items() if not (col.meta or {}).get("optional")]
        absent = [name for name in required if name.lower() not in found[(src.schema, src.identifier)][1]]
        if absent:
            wrong_connector.append(
                f"connector table {src.schema}.{src.identifier} (source {src.source_name}.{src.name}) lacks"
                f" column(s) {', '.join(absent)} of the connector's layout ({src.original_file_path})."
            )
    if wrong_connector:
        print("\n".join(wrong_connector), file=sys.stderr)
        return 1
    missing = sorted(
        f"{src.source_name}.{src.name}" for src in sources.values() if (src.schema, src.identifier) not in found
    )

    runner = dbtRunner(manifest=manifest)
    if missing:
        args = json.dumps({"tables": missing})
        if not runner.invoke(
            ["run-operation", "create_missing_source_tables", "--args", args, *common, *user_vars]
        ).success:
            return 1
    marts = sorted(
        (node.name, uid)
        for uid, node in manifest.nodes.items()
        if node.resource_type == "model"
        and node.original_file_path.startswith("models/marts/")
        and node.name.endswith("_kpis")
        and node.name != "kpis"
    )
    for name, uid in marts:
        upstream = sorted(upstream_sources(manifest, uid) & sources.keys())
        with_data = [
            f"{sources[u].source_name}.{sources[u].name}"
            for u in upstream
            if found.get((sources[u].schema, sources[u].identifier), (0, set()))[0]
        ]
        domain = name.removesuffix("_kpis")
        if not with_data:
            print(
                f"domain {domain}: skipped, no data in any of its {len(upstream)} source tables (its KPIs have no rows)"
            )
        elif len(with_data) < len(upstream):
            print(
                f"domain {domain}: partial, data in {len(with_data)} of {len(upstream)} source tables"
                f" ({', '.join(with_data)}); KPIs reading only empty tables have no rows"
            )
        else:
            print(f"domain {domain}: all {len(upstream)} source tables have data")
    sys.stdout.flush()
    return 0 if runner.invoke(["build", *common, *argv]).success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
