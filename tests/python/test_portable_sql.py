"""The portable-SQL check (scripts/check_portable_sql.py): the project passes it, and it names
file and line of each DuckDB-only construct outside the dispatched engine macros."""

from __future__ import annotations

import sys
from pathlib import Path

from .conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import check_portable_sql


def test_project_has_no_duckdb_only_sql_outside_engine_macros():
    assert check_portable_sql.findings() == []


def test_each_construct_is_named_with_file_and_line(tmp_path: Path):
    models = tmp_path / "models"
    models.mkdir()
    (models / "m.sql").write_text(
        "-- a comment may say qualify or x::int\n"
        "select\n"
        "    id::varchar as id,\n"
        "    'a literal may say median(x)' as note,\n"
        "    median(amount) as median_amount\n"
        "from t\n"
        "qualify row_number() over (partition by id) = 1\n"
        "{{ kpi_columns(1, 'k', value='cast(x as double)') }}\n"
    )
    macros = tmp_path / "macros"
    macros.mkdir()
    (macros / "engine.sql").write_text(
        "{% macro duckdb__spine() %}\nselect * from generate_series(1, 3)\n{% endmacro %}\n"
        "{% macro spine() %}\nselect * from generate_series(1, 3)\n{% endmacro %}\n"
    )
    found = check_portable_sql.findings(tmp_path)
    assert [line.split(": ")[0] + ": " + line.split("`")[1] for line in found] == [
        "models/m.sql:3: ::",
        "models/m.sql:5: median(",
        "models/m.sql:7: qualify",
        "models/m.sql:8: as double",
        "macros/engine.sql:5: generate_series(",
    ]


def test_bare_varchar_casts_and_string_agg_are_named(tmp_path: Path):
    models = tmp_path / "models"
    models.mkdir()
    (models / "m.sql").write_text(
        "select\n"
        "    cast(id as varchar) as id,\n"
        "    cast(code as varchar(3)) as code,\n"
        "    string_agg(name, ',' order by name) as names\n"
        "from t\n"
    )
    found = check_portable_sql.findings(tmp_path)
    assert [line.split(": ")[0] + ": " + line.split("`")[1] for line in found] == [
        "models/m.sql:2: as varchar",
        "models/m.sql:4: string_agg(",
    ]
