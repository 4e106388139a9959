"""load_raw_tables: a file that breaks a source's declared contract fails loudly, naming it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .conftest import REPO, clean_env

DBT = Path(os.environ.get("KPI101_DBT", Path(os.sys.executable).parent / "dbt"))


def run_loader(tmp_path, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(DBT),
            "run-operation",
            "load_raw_tables",
            "--args",
            json.dumps({"root": str(root)}),
            "--project-dir",
            str(REPO),
            "--profiles-dir",
            str(REPO / "profiles"),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
        ],
        env=clean_env(KPI101_DUCKDB_PATH=str(tmp_path / "loader.duckdb")),
        capture_output=True,
        text=True,
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
    root.mkdir()
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
