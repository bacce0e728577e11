PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench bench-store scoreboard lint clean

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsevents extract src/newsevents/demo/ --format table

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/newsevents bench

bench-store: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py

scoreboard: $(STAMP)
	$(BIN)/python benchmarks/scoreboard.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
