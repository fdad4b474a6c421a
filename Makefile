# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Tests draw offscreen; the console itself draws on the desktop.
TEST_ENV := QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox

TS := resources/translations/dispatch_ru.ts
QM := resources/translations/dispatch_ru.qm
UI_SOURCES := $(sort $(wildcard app/ui/*.py app/ui/*/*.py app/ui/wall/panels/*.py app/maps/*.py))

.PHONY: run server test lint test-only test-long bench translations dist clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[ui,dev]'
	touch $(STAMP)

# The Russian translation: new strings from the sources go into the .ts (lupdate), the
# binary catalogue the console loads is compiled from it (lrelease).
$(QM): $(TS) $(UI_SOURCES) | $(STAMP)
	$(BIN)/pyside6-lupdate -silent -no-obsolete $(UI_SOURCES) -ts $(TS) -source-language en -target-language ru
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)

run: $(STAMP) $(QM)
	@bash build/desktop-check.sh
	$(BIN)/dispatch

server: $(STAMP)
	$(BIN)/dispatch-server run

lint: $(STAMP)
	$(BIN)/ruff check app tests bench
	$(BIN)/lint-imports

test-only: $(STAMP) $(QM)
	$(TEST_ENV) $(BIN)/pytest -m "not slow" -p no:cacheprovider

test: lint test-only

test-long: $(STAMP)
	$(TEST_ENV) $(BIN)/pytest -m slow -p no:cacheprovider || [ $$? -eq 5 ]  # 5: none yet

# One-folder builds of the console and of the service (build/dispatch.spec), in build/dist.
dist: $(STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
		build/dispatch.spec

# Every benchmark runs and prints its figures; the target fails if any missed its targets.
bench: $(STAMP) $(QM)
	@status=0; \
	$(BIN)/python -m bench.sync_latency || status=1; \
	$(BIN)/python -m bench.catch_up || status=1; \
	$(BIN)/python -m bench.replica_horizon || status=1; \
	$(TEST_ENV) $(BIN)/python -m bench.queue_view || status=1; \
	$(TEST_ENV) $(BIN)/python -m bench.map_view || status=1; \
	$(TEST_ENV) $(BIN)/python -m bench.wall_refresh || status=1; \
	$(TEST_ENV) $(BIN)/python -m bench.wall_latency || status=1; \
	$(TEST_ENV) $(BIN)/python -m bench.wall_soak || status=1; \
	exit $$status

# The user guide's screenshots (docs/images/<lang>/), taken from the real console offscreen.
screenshots: $(STAMP) $(QM)
	$(TEST_ENV) $(BIN)/python -m docs.screenshots

clean:
	rm -rf $(VENV) build/dist build/work .pytest_cache
