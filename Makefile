# Support Journal: build, run and test in a venv installed from the hash-checked lock.

PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

# Regenerate requirements.lock with pip-tools (kept in its own throwaway venv, .lockenv).
# The resolve runs against PyPI alone: this machine's pip configuration (extra indexes,
# find-links) is switched off, so no local path or index ends up in the lock.
LOCKENV := .lockenv
PIP_COMPILE := $(LOCKENV)/bin/pip-compile
LOCK_ENV := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null
LOCK_CMD := pip-compile --generate-hashes --allow-unsafe --extra test --extra build --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Translations: the .ts sources in resources/ are built into the .qm files Qt loads.
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: all run test bench screenshots translations ts lock clean

all: $(STAMP) $(QM)

# Re-made from scratch only when the lock or pyproject.toml changes.
$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install --no-deps --no-build-isolation -e .
	touch $@

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

# Refresh the .ts sources from the code's tr() strings (then translate what is new).
ts: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none journal/ui/*.py -ts resources/translations/journal_zh_CN.ts
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none -pluralonly journal/ui/*.py -ts resources/translations/journal_en.ts

run: $(STAMP) $(QM)
	$(VENV)/bin/journal $(ARGS)

# Both cores by default (pytest-xdist); PYTEST_WORKERS=0 runs in this one process.
PYTEST_WORKERS ?= 2

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.bench.run $(BENCH_ARGS)

# The main screens in English and Chinese, from a demo journal, into docs/screenshots/.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.screenshots docs/screenshots

$(PIP_COMPILE):
	$(PYTHON) -m venv $(LOCKENV)
	$(LOCKENV)/bin/pip install 'pip-tools>=7.4'

# LOCK_ARGS=--upgrade (or --upgrade-package NAME) to move pins; otherwise existing pins are kept.
lock: $(PIP_COMPILE)
	$(LOCK_ENV) $(LOCKENV)/bin/$(LOCK_CMD) $(LOCK_ARGS)

clean:
	rm -rf $(VENV) $(LOCKENV) .pytest_cache .hypothesis build dist *.egg-info $(QM)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
