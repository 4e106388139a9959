"""The pull-request checks: the slim selection (changing one KPI formula selects its lineage downstream
and nothing else) and the convention checks (dbt-bouncer.yml passes today and catches each breach)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DBT, REPO, clean_env, committed_files

CHANGED = "int_kpi_average_order_value"


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("slim") / "kpi101"
    for name in committed_files():
        if name.startswith(
            ("models/", "macros/", "seeds/", "tests/dbt/", "analyses/", "docs/", "profiles/", "scripts/")
        ):
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, copy / name)
    shutil.copy2(REPO / "dbt_project.yml", copy / "dbt_project.yml")
    return copy


def parse(project: Path, target_path: Path) -> None:
    args = [str(DBT), "parse", "--project-dir", str(project), "--profiles-dir", str(project / "profiles")]
    args += ["--target", "fixtures", "--target-path", str(target_path), "--quiet"]
    result = subprocess.run(args, cwd=project, env=clean_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def select(project: Path, state: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "scripts/slim_ci.py", "select", "--state", str(state)],
        cwd=project,
        env=clean_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith(("model.", "seed.", "test.", "unit_test."))]


@pytest.fixture(scope="module")
def selection(project_copy: Path) -> dict:
    state = project_copy / "main-state"
    parse(project_copy, state)
    # Reuse the parse: the selection re-parses only the files that differ from the saved state.
    (project_copy / "target").mkdir()
    shutil.copy2(state / "partial_parse.msgpack", project_copy / "target" / "partial_parse.msgpack")
    unchanged = select(project_copy, state)
    # A change to one formula's SQL, as a pull request would make it.
    model = next(project_copy.glob(f"models/intermediate/kpis/*/{CHANGED}.sql"))
    model.write_text(model.read_text().replace("select * from final", "select *\nfrom final"))
    changed = select(project_copy, state)
    manifest = json.loads((project_copy / "target" / "manifest.json").read_text())
    return {"unchanged": unchanged, "changed": changed, "manifest": manifest}


def test_unchanged_project_selects_nothing(selection):
    assert selection["unchanged"] == []


def test_changed_kpi_selects_model_mart_kpis_and_their_tests(selection):
    selected = set(selection["changed"])
    for model in (CHANGED, "ecommerce_kpis", "kpis", "kpi_catalog"):
        assert f"model.kpi101.{model}" in selected
        manifest = selection["manifest"]
        tests = {
            uid
            for uid, node in manifest["nodes"].items()
            if node["resource_type"] == "test" and node.get("attached_node") == f"model.kpi101.{model}"
        } | {uid for uid, unit in manifest["unit_tests"].items() if unit["model"] == model}
        assert tests, f"{model} has no tests to select"
        assert tests <= selected, f"tests of {model} not selected: {sorted(tests - selected)[:3]}"


def test_changed_kpi_selects_nothing_unrelated(selection):
    manifest = selection["manifest"]
    children = manifest["child_map"]
    downstream, todo = set(), [f"model.kpi101.{CHANGED}"]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in downstream:
                downstream.add(child)
                todo.append(child)
    selected = set(selection["changed"])
    unrelated = selected - downstream - {f"model.kpi101.{CHANGED}"}
    assert not unrelated, f"selected without depending on {CHANGED}: {sorted(unrelated)[:5]}"
    assert "model.kpi101.marketing_kpis" not in selected
    assert not [uid for uid in selected if ".stg_" in uid or uid.startswith("seed.")]


BOUNCER = Path(sys.executable).parent / "dbt-bouncer"


def bouncer_failures(folder: Path, manifest: dict) -> dict[str, set[str]]:
    """Runs dbt-bouncer with the repository's config on `manifest`: {check name: failing unique_ids}."""
    (folder / "target").mkdir(parents=True)
    (folder / "target" / "manifest.json").write_text(json.dumps(manifest))
    shutil.copy2(REPO / "dbt-bouncer.yml", folder / "dbt-bouncer.yml")
    args = [str(BOUNCER), "run", "--config-file", "dbt-bouncer.yml", "--output-format", "json"]
    args += ["--output-file", "failures.json", "--output-only-failures"]
    result = subprocess.run(args, cwd=folder, env=clean_env(), capture_output=True, text=True)
    failures: dict[str, set[str]] = {}
    for row in json.loads((folder / "failures.json").read_text() or "[]"):
        failures.setdefault(row["check_run_id"].split(":")[0], set()).add(row.get("unique_id"))
    assert (result.returncode == 0) == (not failures), result.stdout[-2000:] + result.stderr[-2000:]
    return failures


def test_conventions_pass_today(selection, tmp_path):
    assert bouncer_failures(tmp_path, selection["manifest"]) == {}


def test_conventions_catch_each_breach(selection, tmp_path):
    manifest = json.loads(json.dumps(selection["manifest"]))
    nodes = manifest["nodes"]
    # A published mart reading staging directly, an intermediate model reading a raw source,
    # a misnamed core fact, an undescribed model, a formula model without unit tests.
    nodes["model.kpi101.ecommerce_kpis"]["depends_on"]["nodes"].append("model.kpi101.stg_shop__orders")
    nodes["model.kpi101.int_revenue_months"]["depends_on"]["nodes"].append("source.kpi101.billing.subscriptions")
    nodes["model.kpi101.fct_orders"]["name"] = "orders"
    nodes["model.kpi101.int_revenue_months"]["description"] = ""
    manifest["unit_tests"] = {
        uid: unit for uid, unit in manifest["unit_tests"].items() if unit["model"] != "int_kpi_average_order_value"
    }
    failures = bouncer_failures(tmp_path, manifest)
    assert failures == {
        "check_lineage_permitted_upstream_models": {"model.kpi101.ecommerce_kpis"},
        "check_lineage_source_cannot_be_used": {"model.kpi101.int_revenue_months"},
        "check_model_names": {"model.kpi101.fct_orders"},
        "check_model_description_populated": {"model.kpi101.int_revenue_months"},
        "check_model_has_unit_tests": {"model.kpi101.int_kpi_average_order_value"},
    }
