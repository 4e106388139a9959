"""The loader's bad-input corpus (tests/python/test_loader_corpus.py) on another engine.

Used by scripts/test_postgres.py and scripts/test_spark.py: every defect must fail the load with
its message (the engine's reader words some messages its own way) and leave every raw table
unchanged, as the engine-specific fingerprint of the raw tables shows.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import run_fixtures
from dbt.cli.main import dbtRunner


def run_loader_corpus(
    engine: str,
    load_dir: Path,
    raw_tables_fingerprint: Callable[[], object],
    reader_messages: dict[str, str],
    case_names: set[str] | None = None,
    prepare_root: Callable[[Path], None] = lambda root: None,
    report_each: bool = False,
) -> list[str]:
    """Loads the corpus cases (all, or those named) on run_fixtures.TARGET; returns the failed ones."""
    sys.path.insert(0, str(run_fixtures.ROOT))
    from tests.python.test_loader_corpus import BASE, CASES, set_cell

    run_fixtures.runner_for({})  # parses once
    messages: list[str] = []
    runner = dbtRunner(
        manifest=run_fixtures._parsed_manifests["{}"], callbacks=[lambda event: messages.append(event.info.msg)]
    )

    def load(root: Path) -> tuple[bool, str]:
        prepare_root(root)
        messages.clear()
        args = ["run-operation", "load_raw_tables", "--args", json.dumps({"root": str(root)})]
        result = runner.invoke([*args, *run_fixtures.common_args({})])
        return result.success, "\n".join(str(message) for message in messages)

    good = load_dir / "good"
    shutil.copytree(BASE, good, ignore=shutil.ignore_patterns("*.md", "*.yml"))
    loaded, message = load(good)
    if not loaded:
        return [f"the unchanged fixtures/ecommerce did not load: {message}"]
    before = raw_tables_fingerprint()
    cases = [case for case in CASES if case_names is None or case.name in case_names]
    failed = []
    for case in cases:
        root = load_dir / case.name
        shutil.copytree(BASE, root, ignore=shutil.ignore_patterns("*.md", "*.yml"))
        set_cell("ads/ad_performance.csv", 2, "spend", "31.00")(root)
        case.mutate(root)
        loaded, message = load(root)
        expected = [reader_messages.get(fragment, fragment) for fragment in case.expected]
        expected.append("nothing loaded, previous raw tables unchanged")
        missing = [fragment for fragment in expected if fragment not in message]
        changed = raw_tables_fingerprint() != before
        if loaded or missing or changed:
            failed.append(case.name)
            problem = "loaded" if loaded else f"message lacks {missing}" if missing else "raw tables changed"
            print(f"MISMATCH loader corpus {case.name}: {problem}\n{message[-1500:]}", flush=True)
        elif report_each:
            print(f"loader corpus {case.name}: refused as expected", flush=True)
    print(f"loader corpus on {engine}: {len(cases) - len(failed)} of {len(cases)} cases as expected", flush=True)
    return failed
