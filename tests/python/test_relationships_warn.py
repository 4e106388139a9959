"""Every relationships test on raw exports (staging and connector adapters) warns instead of
failing, so an orphan reference (a parent export missing or behind) never skips the staging model
and with it a whole mart; the orphans are counted in audit.orphan_references instead
(macros/audit/orphan_references.sql)."""

from __future__ import annotations

from pathlib import Path

import yaml

MODELS = Path(__file__).resolve().parents[2] / "models"


def relationships_tests(node, path: str):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "relationships":
                yield path, value
            else:
                yield from relationships_tests(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from relationships_tests(item, f"{path}[{index}]")


def test_every_relationships_test_is_a_warning():
    found = []
    not_warning = []
    for yml in sorted([*(MODELS / "staging").rglob("*.yml"), *(MODELS / "adapters").rglob("*.yml")]):
        for where, test in relationships_tests(yaml.safe_load(yml.read_text()), str(yml.relative_to(MODELS))):
            found.append(where)
            if ((test or {}).get("config") or {}).get("severity") != "warn":
                not_warning.append(where)
    assert len(found) > 30
    assert not not_warning, "relationships tests without config: {severity: warn}: " + ", ".join(not_warning)
