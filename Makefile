# Northern Connections site. On a fresh machine: `make build`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
# The engine that builds the site: mkdocs (MkDocs 1.6.1, the default) or properdocs (ProperDocs, the
# maintained fork of MkDocs 1.x, in its own venv without mkdocs). Both build the same files (make test).
ENGINE ?= mkdocs
PROPERDOCS_VENV := .venv-properdocs
ifeq ($(ENGINE),mkdocs)
ENGINE_BIN := $(BIN)/mkdocs
else ifeq ($(ENGINE),properdocs)
ENGINE_BIN := $(PROPERDOCS_VENV)/bin/properdocs
else
$(error ENGINE=$(ENGINE) is not an engine of this site: mkdocs (the default) or properdocs)
endif

.PHONY: build preview serve check schemas lint test bench lighthouse clean

# The pinned requirements, then ncsite itself with its dependencies (already there, pinned), editable:
# the `ncsite` command runs this tree.
$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

# ProperDocs: requirements.txt without mkdocs (and mkdocs-get-deps, which only mkdocs needs), plus
# requirements-properdocs.txt; --no-deps because mkdocs-material declares mkdocs, which ProperDocs
# replaces (it answers every `import mkdocs...`, for the theme and for our hooks).
$(PROPERDOCS_VENV)/bin/properdocs: requirements.txt requirements-properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	grep -vE '^(mkdocs|mkdocs-get-deps)==' requirements.txt \
	  | $(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r /dev/stdin -r requirements-properdocs.txt
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Zensical (Material's successor) for the hook-free build's test: its own venv, the shared pins from requirements.txt.
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/bin/zensical: requirements.txt requirements-zensical.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-zensical.txt -c requirements.txt
	touch $@

$(VENV)/.dev: $(BIN)/mkdocs requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

build: $(ENGINE_BIN)  ## build site/ (fails on any content problem or warning); ENGINE=properdocs builds with ProperDocs
	$(ENGINE_BIN) build --strict -f mkdocs.yml

preview: $(BIN)/mkdocs  ## build site/ for pull request PR=N at its preview address, <site_url>pr-preview/pr-N/
	$(BIN)/python scripts/preview.py $(PR)

# --livereload is MkDocs' default, spelled out: with click 8.2.2-8.3.x `mkdocs serve`
# silently stopped watching files (mkdocs/mkdocs#4032); click is pinned in requirements.txt.
serve: $(ENGINE_BIN)  ## live preview on http://127.0.0.1:$(PORT)/ (PORT=8001 make serve for another port)
	$(ENGINE_BIN) serve -f mkdocs.yml --strict --livereload --dev-addr 127.0.0.1:$(PORT)

check: $(BIN)/mkdocs  ## validate content/ and data/ only, fast
	$(BIN)/ncsite check .

schemas: $(BIN)/mkdocs  ## regenerate schemas/*.schema.json from the field specs (ncsite/content/fields.py, models.py)
	$(BIN)/ncsite schemas .

lint: $(VENV)/.dev  ## ruff (lint and format check) and mypy, configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint $(PROPERDOCS_VENV)/bin/properdocs $(ZENSICAL_VENV)/bin/zensical  ## lint, then all tests, browser tests included (installs Chromium and a JRE on Debian as root)
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
