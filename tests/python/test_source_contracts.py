"""A raw table that breaks its declared contract fails the build, naming table and column."""

from __future__ import annotations

import json

from .conftest import run_dbt


def dbt(tmp_path, *args: str):
    return run_dbt(tmp_path, tmp_path / "contract.duckdb", *args)


def test_null_key_and_unknown_enum_fail_with_table_and_column(tmp_path):
    root = tmp_path / "raw" / "media"
    root.mkdir(parents=True)
    (root / "press_mentions.csv").write_text(
        "mention_id,published_at,outlet,headline,sentiment\n"
        ",2024-01-05T08:00:00Z,Daily Ledger,No id,positive\n"
        "pm2,2024-01-06T08:00:00Z,Metro Post,Odd tone,ecstatic\n"
    )
    loaded = dbt(tmp_path, "run-operation", "load_raw_tables", "--args", json.dumps({"root": str(tmp_path / "raw")}))
    assert loaded.returncode == 0, loaded.stdout[-3000:]

    result = dbt(tmp_path, "build", "--select", "source:media.press_mentions")
    assert result.returncode != 0
    failures = [line for line in result.stdout.splitlines() if "FAIL" in line]
    assert any("not_null_media_press_mentions_mention_id" in line for line in failures), failures
    assert any("accepted_values_media_press_mentions_sentiment" in line for line in failures), failures
