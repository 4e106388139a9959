"""load_raw_tables: a file that breaks a source's declared contract fails loudly, naming it."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run_dbt


def run_loader(tmp_path, root: Path):
    return run_dbt(
        tmp_path,
        tmp_path / "loader.duckdb",
        "run-operation",
        "load_raw_tables",
        "--args",
        json.dumps({"root": str(root)}),
    )


def test_undeclared_column_names_table_and_column(tmp_path):
    root = tmp_path / "raw"
    (root / "media").mkdir(parents=True)
    (root / "media" / "press_mentions.csv").write_text(
        "mention_id,published_at,outlet,reach\npm1,2024-01-01T00:00:00Z,Metro Post,100\n"
    )
    result = run_loader(tmp_path, root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "media.press_mentions" in output
    assert "'reach'" in output


def test_missing_files_give_empty_tables_with_the_declared_columns(tmp_path):
    import duckdb

    root = tmp_path / "raw"
    (root / "media").mkdir(parents=True)
    (root / "media" / "press_mentions.csv").write_text(
        "mention_id,published_at,sentiment\npm1,2024-01-01T00:00:00Z,positive\n"
    )
    result = run_loader(tmp_path, root)
    assert result.returncode == 0, result.stdout[-3000:]
    with duckdb.connect(str(tmp_path / "loader.duckdb"), read_only=True) as con:
        columns = con.sql("describe raw_media.social_mentions").fetchall()
        assert [(c[0], c[1]) for c in columns][:3] == [
            ("mention_id", "VARCHAR"),
            ("platform", "VARCHAR"),
            ("posted_at", "TIMESTAMP WITH TIME ZONE"),
        ]
        assert con.sql("select count(*) from raw_media.social_mentions").fetchone()[0] == 0
