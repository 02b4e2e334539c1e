# Set-up and everyday commands. `make site` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q
# uv installs the pinned packages into .venv: about 4 s from nothing, against some 45 s with
# pip, which unpacks Playwright's driver and mypy slowly. pip installs uv itself (pinned).
UV_VERSION := 0.13.9
UV := $(BIN)/uv pip install --quiet --python $(BIN)/python

.PHONY: site test test-nightly spec serve check generate bench screenshots clean pictures audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(BIN)/python
	$(PIP) install uv==$(UV_VERSION)

$(VENV)/.site-deps: pyproject.toml | $(BIN)/uv
	$(UV) -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml $(VENV)/.site-deps
	$(UV) -e '.[test]'
	touch $@

site: $(VENV)/.site-deps
	$(BIN)/handbook build

check: $(VENV)/.site-deps
	$(BIN)/handbook check

generate: $(VENV)/.site-deps
	$(BIN)/handbook generate

serve: $(VENV)/.site-deps
	$(BIN)/handbook serve

# The test tools. Lighthouse, an optional dependency, is left out: only `make audit` runs it,
# and it is 190 of the 225 MB and 8 of the 10 seconds a full `npm ci` takes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --omit=optional
	touch $@

# Everything in package.json, Lighthouse too (npm ci starts afresh, so either marker that
# the other command left behind is gone, and that command installs again).
node_modules/.audit-installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# One worker per CPU; a module whose fixture builds a site of its own is kept on one worker
# (xdist_group) so that the build is not repeated; other tests go to whichever worker is free.
PYTEST_PARALLEL := -n auto --dist loadgroup

test: $(VENV)/.test-deps
	scripts/install-system-deps
	$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/ruff check generator tests scripts
	$(BIN)/mypy
	$(MAKE) --no-print-directory spec
	$(BIN)/pytest $(PYTEST_PARALLEL)

# Everything `make test` runs, with every property test at its full number of examples.
test-nightly:
	HYPOTHESIS_PROFILE=nightly $(MAKE) --no-print-directory test

# The scripts against the rules' shared cases (tests/spec/*.json, written by Python: see
# tests/test_spec.py), under node, with no browser. pytest runs them too (test_spec.py).
spec:
	TZ=UTC node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON --test tests/spec/

clean:
	rm -rf build site .site.* .pytest_cache .mypy_cache .ruff_cache

screenshots: $(VENV)/.test-deps
	scripts/install-system-deps
	$(BIN)/python scripts/screenshots.py

bench: $(VENV)/.site-deps
	$(BIN)/python scripts/bench.py

# Lighthouse's mobile scores (slow 4G) of every page kind, served by nginx with the hosting
# example; fails below 0.9 (scripts/audit.py). About four minutes.
audit: $(VENV)/.test-deps
	scripts/install-system-deps
	$(MAKE) --no-print-directory node_modules/.audit-installed
	$(BIN)/python scripts/audit.py

# Draw the exercise pictures and a contact sheet of them (build/pictures/contact-sheet.png)
pictures: $(VENV)/.test-deps
	$(BIN)/python scripts/draw_pictures.py && $(BIN)/python scripts/contact_sheet.py
