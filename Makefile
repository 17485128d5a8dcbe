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
# The window's sources, in every folder of journal/ui/, whose tr() strings the .ts hold.
UI_SOURCES := $(wildcard journal/ui/*.py journal/ui/*/*.py)
# The catalogue of error sentences: its QT_TRANSLATE_NOOP strings are the .ts "Errors" context.
ERROR_SOURCES := $(wildcard journal/error_messages/*.py)
# The command line's error sentences in Chinese: a gettext catalogue made from that context.
LOCALE := resources/locale/zh_CN/LC_MESSAGES/journal

.PHONY: all run test bench package screenshots screenshots-matrix translations ts locale lock clean

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
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $(UI_SOURCES) $(ERROR_SOURCES) -ts resources/translations/journal_zh_CN.ts
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none -pluralonly $(UI_SOURCES) -ts resources/translations/journal_en.ts

# Rewrite the CLI's gettext catalogue (.po and .mo, both committed) from the .ts; run it after
# translating in the .ts (a test fails while they differ).
locale: $(LOCALE).mo

$(LOCALE).mo $(LOCALE).po: resources/translations/journal_zh_CN.ts tools/ts_to_gettext.py
	$(PYTHON) tools/ts_to_gettext.py $< $(LOCALE)

# The package's bytecode is compiled first, as an installed app's is (pip compiles a wheel's):
# then `journal` starts without compiling its modules, even where PYTHONDONTWRITEBYTECODE is set.
run: $(STAMP) $(QM)
	$(VENV)/bin/python -m compileall -q journal
	$(VENV)/bin/journal $(ARGS)

# Both cores by default (pytest-xdist); PYTEST_WORKERS=0 runs in this one process.
PYTEST_WORKERS ?= 2

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.bench.run $(BENCH_ARGS)

# The frozen app, which runs without Python (dist/support-journal/, and its optional text
# reader dist/support-journal-ocr/), and where dpkg-deb exists their .deb packages: see
# packaging/README.md. Prints each step's time and each part's size.
package: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python packaging/build.py

# The main screens in English and Chinese, from a demo journal, into docs/screenshots/.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.screenshots docs/screenshots

# Every screen and the live call with the scam alarm at 1280×800, 1366×768, 1920×1080 and at
# 150 % scaling, in both languages, into screenshots-matrix/ (to look at, not committed).
screenshots-matrix: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.screenshots --matrix screenshots-matrix

$(PIP_COMPILE):
	$(PYTHON) -m venv $(LOCKENV)
	$(LOCKENV)/bin/pip install 'pip-tools>=7.4'

# LOCK_ARGS=--upgrade (or --upgrade-package NAME) to move pins; otherwise existing pins are kept.
lock: $(PIP_COMPILE)
	$(LOCK_ENV) $(LOCKENV)/bin/$(LOCK_CMD) $(LOCK_ARGS)

clean:
	rm -rf $(VENV) $(LOCKENV) .pytest_cache .hypothesis build dist *.egg-info $(QM)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
