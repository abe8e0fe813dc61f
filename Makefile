# Northern Connections site. On a fresh machine: `make build`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: build preview serve check schemas lint test bench lighthouse clean

# The pinned requirements, then ncsite itself (editable: the `ncsite` command runs this tree).
$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev: $(BIN)/mkdocs requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

build: $(BIN)/mkdocs  ## build site/ (fails on any content problem or warning)
	$(BIN)/mkdocs build --strict

preview: $(BIN)/mkdocs  ## build site/ for pull request PR=N at its preview address, <site_url>pr-preview/pr-N/
	$(BIN)/python scripts/preview.py $(PR)

# --livereload is MkDocs' default, spelled out: with click 8.2.2-8.3.x `mkdocs serve`
# silently stopped watching files (mkdocs/mkdocs#4032); click is pinned in requirements.txt.
serve: $(BIN)/mkdocs  ## live preview on http://127.0.0.1:$(PORT)/ (PORT=8001 make serve for another port)
	$(BIN)/mkdocs serve --strict --livereload --dev-addr 127.0.0.1:$(PORT)

check: $(BIN)/mkdocs  ## validate content/ and data/ only, fast
	$(BIN)/ncsite check .

schemas: $(BIN)/mkdocs  ## regenerate schemas/*.schema.json from ncsite/content/fields.py
	$(BIN)/ncsite schemas .

lint: $(VENV)/.dev  ## ruff (lint and format check) and mypy, configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint  ## lint, then all tests, browser tests included (installs Chromium and a JRE on Debian as root)
	scripts/test-deps
	$(BIN)/python -m pytest -q

bench: $(VENV)/.dev  ## build speed and memory against plain mkdocs-material (BENCH_ARGS="--runs 1" for a quick look; see BENCHMARKS.md)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

tools/lighthouse/node_modules/.bin/lighthouse: tools/lighthouse/package-lock.json
	npm ci --prefix tools/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: build tools/lighthouse/node_modules/.bin/lighthouse  ## Lighthouse scores of each kind of page (npm's Lighthouse, Debian's Chromium)
	scripts/test-deps
	$(BIN)/python scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

clean:
	rm -rf site .pytest_cache
