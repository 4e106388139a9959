# kpi101: two commands.
#   make run    set up, generate the demo data, build every model into kpi101.duckdb
#   make test   lint, build and test the marts on every fixture scenario, run pytest
#   make report write the HTML KPI report of the built database (make run ends with it)
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

.PHONY: run test setup demo-data lint fixtures pytest clean report semantic parse conventions workflows slim-ci
.PHONY: main-state freshness checks portable-sql test-postgres postgres-in-test spark-in-test

# The build runs models and data tests; unit tests check formulas on fixed inputs, not the data,
# so they run in make test (every fixture scenario builds its domains' unit tests).
run: setup demo-data
	$(BIN)/python scripts/publish.py --data $(DATA_DIR) -- --exclude-resource-type unit_test
	@echo ""
	@echo "Built all KPI marts into $(abspath $(or $(KPI101_DUCKDB_PATH),kpi101.duckdb))"
	@echo "Try:  $(BIN)/python -c \"import duckdb; print(duckdb.connect('$(or $(KPI101_DUCKDB_PATH),kpi101.duckdb)', read_only=True).sql(\\\"select kpi_name, period_month, value from kpis where dimension = 'all' order by period_month desc, kpi_name limit 20\\\"))\""
	@$(MAKE) --no-print-directory report

# The static checks, the fixture scenarios, pytest (two workers), six scenarios on PostgreSQL and
# one on Spark run side by side; the scenarios' dbt output goes to target/fixtures*.log, the console
# gets results and mismatches. Every scenario: make test-postgres, make test-spark.
test: setup
	$(MAKE) --no-print-directory -j5 checks fixtures pytest postgres-in-test spark-in-test FIXTURE_FLAGS=--quiet

# On PostgreSQL, make test builds the six scenarios that cover all nine domains, marts only (models,
# then the comparisons with the expected seeds: about 100 CPU seconds with one parse). The four
# connectors_* scenarios each need a parse of their own (other vars): they run in make test-postgres.
POSTGRES_TEST_SCENARIOS ?= ecommerce hr marketing revenue sales_mobile support
postgres-in-test: setup
	$(BIN)/python scripts/test_postgres.py --quiet --marts-only $(POSTGRES_TEST_SCENARIOS)

checks: lint portable-sql workflows semantic conventions

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The generator is deterministic: the data is written again only when the generator, SCALE or
# SEED changed (the stamp names them) or the folder is gone (delete it to force a new one).
DEMO_STAMP := $(DATA_DIR)/.generated-scale-$(SCALE)-seed-$(SEED)
demo-data: $(DEMO_STAMP)

$(DEMO_STAMP): $(VENV)/.installed scripts/generate_demo_data.py $(wildcard scripts/kpi101_demo/*.py)
	$(BIN)/python scripts/generate_demo_data.py --scale $(SCALE) --seed $(SEED) --out $(DATA_DIR)
	touch $@

lint: setup
	$(BIN)/ruff check scripts tests/python
	$(BIN)/ruff format --check scripts tests/python
	$(BIN)/ruff check tests/connectors
	$(BIN)/ruff format --check tests/connectors
	KPI101_LINT_ADAPTERS=1 $(BIN)/sqlfluff lint models analyses tests/dbt --processes 2

# One parse serves the semantic and convention checks (target/manifest.json, semantic_manifest.json).
parse: setup
	$(DBT) parse $(DBT_FLAGS) --quiet

REPORT ?= target/kpi_report.html
report: setup
	$(BIN)/python scripts/build_report.py --database $(or $(KPI101_DUCKDB_PATH),kpi101.duckdb) --out $(REPORT)

# MetricFlow reads the semantic manifest that dbt parse writes; warehouse checks are left to
# the pytest that queries the metrics on a real build.
semantic: parse
	$(BIN)/python scripts/generate_semantic_layer.py --check
	DBT_PROFILES_DIR=profiles $(BIN)/mf validate-configs --skip-dw

# Project conventions (naming by layer, layering, docs, tests): dbt-bouncer.yml.
conventions: parse
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

FIXTURE_FLAGS ?=
fixtures: setup
	$(BIN)/python scripts/run_fixtures.py $(FIXTURE_FLAGS)

# Tests that share the `make run` fixture (quick_start) stay on one worker (tests/python/conftest.py).
pytest: setup
	$(BIN)/pytest -n 2

clean:
	rm -rf target logs data kpi101.duckdb kpi101.duckdb.wal

# Partial data: only Stripe, Shopify, Zendesk, HubSpot or Google Ads tables, or ecommerce without
# its buyers and sellers files; each build (scripts/build_available.py) succeeds and gives the KPIs
# those tables feed; a missing or incomplete connector table is named before anything builds.
# Seven extra dbt runs (~5-8 min), so not part of `make test`.
.PHONY: test-connectors
test-connectors: setup
	$(BIN)/pytest tests/connectors -p no:cacheprovider

# No DuckDB-only SQL outside the dispatched engine macros (macros/sql/portable.sql).
portable-sql: setup
	$(BIN)/python scripts/check_portable_sql.py

# Every fixture scenario on a throwaway PostgreSQL server in a temporary folder (installs the
# Debian package postgresql when missing), then the loader's bad-input corpus: about 5 min on 2
# cores; `make test` runs six of the scenarios, marts only (postgres-in-test).
test-postgres: setup
	$(BIN)/python scripts/test_postgres.py $(SCENARIOS)

# Every fixture scenario on a local Spark session (dbt-spark method session, pyspark, Java 17:
# installs the Debian package openjdk-17-jre-headless when java is missing, and
# requirements-spark.txt into the venv). `make test` runs one (spark-in-test). SCENARIOS=revenue for one.
.PHONY: test-spark
test-spark: setup $(VENV)/.spark-installed
	$(BIN)/python scripts/test_spark.py $(SCENARIOS)

# One Spark scenario in `make test`, marts only (run_fixtures --marts-only: seeds and models, then
# only the comparisons with the expected seeds): about 100 CPU seconds, most of them in Spark's JVM.
SPARK_TEST_SCENARIO ?= hr
.PHONY: spark-in-test
spark-in-test: setup $(VENV)/.spark-installed
	$(BIN)/python scripts/test_spark.py --quiet --marts-only $(SPARK_TEST_SCENARIO)

$(VENV)/.spark-installed: requirements-spark.txt requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-spark.txt -c requirements.txt
	touch $@

# An incremental `dbt run` after a new day, late rows and re-sent duplicates equals a full refresh
# (README "Incremental rebuilds"). About 75 CPU seconds, so not part of `make test`.
.PHONY: test-incremental
test-incremental: setup
	$(BIN)/python scripts/check_incremental.py
