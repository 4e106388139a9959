# kpi101: two commands.
#   make run    set up, generate the demo data, build every model into kpi101.duckdb
#   make test   lint, build and test the marts on every fixture scenario, run pytest
PYTHON ?= python3.11
VENV ?= .venv
SCALE ?= 1
SEED ?= 42
DATA_DIR ?= data/demo
BIN := $(VENV)/bin
DBT := $(BIN)/dbt
DBT_FLAGS := --project-dir . --profiles-dir profiles

export DO_NOT_TRACK := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: run test setup demo-data lint fixtures pytest clean conventions workflows slim-ci main-state freshness

run: setup demo-data
	$(DBT) run-operation load_raw_tables --args '{root: $(DATA_DIR)}' $(DBT_FLAGS)
	$(DBT) build $(DBT_FLAGS)
	@echo ""
	@echo "Built all KPI marts into $(abspath $(or $(KPI101_DUCKDB_PATH),kpi101.duckdb))"
	@echo "Try:  $(BIN)/python -c \"import duckdb; print(duckdb.connect('$(or $(KPI101_DUCKDB_PATH),kpi101.duckdb)', read_only=True).sql(\\\"select kpi_name, period_month, value from kpis where dimension = 'all' order by period_month desc, kpi_name limit 20\\\"))\""

test: setup lint workflows conventions fixtures pytest

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

demo-data: setup
	$(BIN)/python scripts/generate_demo_data.py --scale $(SCALE) --seed $(SEED) --out $(DATA_DIR)

lint: setup
	$(BIN)/ruff check scripts tests/python
	$(BIN)/ruff format --check scripts tests/python
	$(BIN)/sqlfluff lint models analyses tests/dbt --processes 2

# Project conventions (naming by layer, layering, docs, tests): dbt-bouncer.yml.
conventions: setup
	$(DBT) parse $(DBT_FLAGS) --quiet
	$(BIN)/dbt-bouncer --config-file dbt-bouncer.yml

# The GitHub Actions workflows against GitHub's published workflow schema.
workflows: setup
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# Slim CI as the pull-request workflow runs it: build and test what changed since the manifest
# in $(STATE) (save one on main with `make main-state`) on the fixture scenarios.
STATE ?= target/main-state
slim-ci: setup
	$(BIN)/python scripts/slim_ci.py build --state $(STATE)

main-state: setup
	$(DBT) parse $(DBT_FLAGS) --target fixtures --target-path $(abspath $(STATE)) --quiet

# Source freshness of the raw tables in the dev database (thresholds: vars in dbt_project.yml).
FRESHNESS_VARS ?= {}
freshness: setup
	$(DBT) source freshness $(DBT_FLAGS) --vars '$(FRESHNESS_VARS)'

fixtures: setup
	$(BIN)/python scripts/run_fixtures.py

pytest: setup
	$(BIN)/pytest

clean:
	rm -rf target logs data kpi101.duckdb kpi101.duckdb.wal
