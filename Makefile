# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make demo   creates .venv, installs zhengce, ingests the bundled samples, prints a summary
#   make test   creates .venv, installs zhengce with its test tools, runs the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= zhengce.duckdb

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/zhengce ingest examples/*.txt --db $(DB)
	$(BIN)/zhengce align gwr-2025-sample-zh.txt gwr-2025-sample-en.txt --db $(DB)
	$(BIN)/zhengce docs --db $(DB) --format table

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) $(DB) build *.egg-info
