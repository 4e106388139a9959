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

.PHONY: run test setup demo-data lint fixtures pytest clean

run: setup demo-data
	$(DBT) run-operation load_raw_tables --args '{root: $(DATA_DIR)}' $(DBT_FLAGS)
	$(DBT) build $(DBT_FLAGS)
	@echo ""
	@echo "Built all KPI marts into $(abspath $(or $(KPI101_DUCKDB_PATH),kpi101.duckdb))"
	@echo "Try:  $(BIN)/python -c \"import duckdb; print(duckdb.connect('$(or $(KPI101_DUCKDB_PATH),kpi101.duckdb)', read_only=True).sql(\\\"select kpi_name, period_month, value from kpis where dimension = 'all' order by period_month desc, kpi_name limit 20\\\"))\""

test: setup lint fixtures pytest

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
	$(BIN)/ruff check tests/connectors
	$(BIN)/ruff format --check tests/connectors
	$(BIN)/sqlfluff lint models analyses tests/dbt --processes 2

fixtures: setup
	$(BIN)/python scripts/run_fixtures.py

pytest: setup
	$(BIN)/pytest

clean:
	rm -rf target logs data kpi101.duckdb kpi101.duckdb.wal

# Only Stripe connected: the partial-data build (scripts/build_available.py) succeeds and gives
# the Stripe-fed KPIs. One extra dbt build (~2-3 min), so not part of `make test`.
.PHONY: test-connectors
test-connectors: setup
	$(BIN)/pytest tests/connectors -p no:cacheprovider
