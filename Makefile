# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export QT_QPA_PLATFORM ?= offscreen
export QTWEBENGINE_CHROMIUM_FLAGS ?= --no-sandbox

.PHONY: run server test lint test-only test-long bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[ui,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dispatch

server: $(STAMP)
	$(BIN)/dispatch-server run

lint: $(STAMP)
	$(BIN)/ruff check app tests bench
	$(BIN)/lint-imports

test-only: $(STAMP)
	$(BIN)/pytest -m "not slow" -p no:cacheprovider

test: lint test-only

test-long: $(STAMP)
	$(BIN)/pytest -m slow -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python -m bench.sync_latency

clean:
	rm -rf $(VENV) build/dist build/work .pytest_cache
