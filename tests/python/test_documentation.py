"""Every model, seed and source of the project is documented, and so is every column the built
relations actually have (not only the columns someone remembered to list)."""

from __future__ import annotations

import json

import duckdb


def undocumented(quick_start) -> tuple[list[str], list[str]]:
    manifest = json.loads((quick_start["dir"] / "target" / "manifest.json").read_text())
    with duckdb.connect(str(quick_start["database"]), read_only=True) as con:
        rows = con.sql("select table_schema, table_name, column_name from information_schema.columns").fetchall()
    built_columns: dict[tuple[str, str], list[str]] = {}
    for schema, table, column in rows:
        built_columns.setdefault((schema, table), []).append(column)

    nodes, columns = [], []
    for node in manifest["nodes"].values():
        if node["resource_type"] not in ("model", "seed") or node["package_name"] != "kpi101":
            continue
        if not node.get("description", "").strip():
            nodes.append(node["unique_id"])
        relation = (node["schema"], node.get("alias") or node["name"])
        for column in built_columns.get(relation, []):
            if not node["columns"].get(column, {}).get("description", "").strip():
                columns.append(f"{node['name']}.{column}")
    for source in manifest["sources"].values():
        if not source.get("description", "").strip():
            nodes.append(source["unique_id"])
        for name, column in source["columns"].items():
            if not column.get("description", "").strip():
                columns.append(f"{source['source_name']}.{source['name']}.{name}")
    return nodes, columns


def test_every_model_seed_and_source_is_described(quick_start):
    nodes, _ = undocumented(quick_start)
    assert nodes == []


def test_every_built_column_is_described(quick_start):
    _, columns = undocumented(quick_start)
    assert columns == []
