# Savoir — the two commands are `make run` and `make test`; the rest is for developers.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
BACKEND := backend
FRONTEND := frontend
VENV_PY := $(BACKEND)/.venv/bin/python
MANAGE := cd $(BACKEND) && .venv/bin/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

FRONTEND_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(wildcard $(FRONTEND)/index.html $(FRONTEND)/vite.config.ts $(FRONTEND)/tsconfig*.json)

.PHONY: help run test lint install build migrate content serve dev openapi openapi-check messages \
	test-backend test-frontend chromium format clean

help:
	@echo "make run    install (locked), build, migrate, load content and serve on http://$(HOST):$(PORT)"
	@echo "make test   every test (backend, browser end-to-end, frontend) with a summary"
	@echo "make lint   ruff, mypy, tsc, biome, migrations, OpenAPI/TS drift and translation checks"
	@echo "make dev    Django on :8000 and the Vite dev server on :5173 with hot reload"
	@echo "make openapi   export backend/openapi/schema.json and regenerate the TS client"
	@echo "make messages  extract and compile server-side translations"

# --- Installation (locked) -----------------------------------------------------------------
$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(BACKEND)/.venv/.synced: $(UV) $(BACKEND)/pyproject.toml $(BACKEND)/uv.lock
	cd $(BACKEND) && ../$(UV) sync --locked --quiet
	@touch $@

$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(BACKEND)/.venv/.synced $(FRONTEND)/node_modules/.installed

# WhiteNoise's own list of already-compressed formats, plus source maps (only developers load them).
NOT_COMPRESSED := jpg jpeg png gif webp zip gz tgz bz2 tbz xz br swf flv woff woff2 3gp 3gpp asf avi \
	m4v mov mp4 mpeg mpg webm wmv map
# Brotli and gzip copies beside each built file: WhiteNoise serves them to browsers that accept
# them, in every mode (production's collectstatic compresses its hashed copies the same way).
$(FRONTEND)/dist/index.html: $(FRONTEND)/node_modules/.installed $(BACKEND)/.venv/.synced $(FRONTEND_SOURCES)
	cd $(FRONTEND) && npm run build --silent
	$(VENV_PY) -m whitenoise.compress --quiet $(FRONTEND)/dist $(NOT_COMPRESSED)
	@touch $@

build: $(FRONTEND)/dist/index.html

# --- Running ------------------------------------------------------------------------------------
migrate: $(BACKEND)/.venv/.synced
	$(MANAGE) migrate --no-input -v 0

content: migrate
	$(MANAGE) load_content

run: install build content
	@$(MANAGE) seed_demo
	@echo
	@echo "Savoir is running on http://$(HOST):$(PORT)  (Ctrl+C to stop)"
	@cd $(BACKEND) && exec .venv/bin/gunicorn config.wsgi:application --bind $(HOST):$(PORT) \
		--workers 1 --threads 8 --worker-class gthread --timeout 60 --log-level warning

dev: install content
	@$(MANAGE) seed_demo
	@trap 'kill 0' EXIT; \
	(cd $(BACKEND) && DEBUG=1 .venv/bin/python manage.py runserver $(HOST):$(PORT)) & \
	(cd $(FRONTEND) && npm run dev) & wait

# --- Tests ----------------------------------------------------------------------------------------
chromium:
	@if ! command -v $(CHROMIUM_PATH) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the end-to-end tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The end-to-end tests need Chromium at $(CHROMIUM_PATH) (Debian: apt-get install chromium)."; exit 1; \
		fi; \
	fi

test: install build chromium
	@mkdir -p .reports; rm -f .reports/*; status=0; \
	echo "== Frontend unit tests (Vitest) =="; \
	(cd $(FRONTEND) && npx vitest run --reporter=default --reporter=json --outputFile.json=../.reports/vitest.json) || status=1; \
	echo "== Backend and end-to-end tests (pytest) =="; \
	(cd $(BACKEND) && .venv/bin/python -m pytest --junitxml=../.reports/pytest.xml $(PYTEST_ARGS)) || status=1; \
	$(VENV_PY) scripts/test_summary.py .reports || status=1; \
	exit $$status

test-backend: install build chromium
	cd $(BACKEND) && .venv/bin/python -m pytest $(PYTEST_ARGS)

test-frontend: install
	cd $(FRONTEND) && npm run test --silent

# --- Quality --------------------------------------------------------------------------------------
lint: install
	cd $(BACKEND) && .venv/bin/ruff check . ../bench && .venv/bin/ruff format --check . ../bench
	cd $(BACKEND) && .venv/bin/mypy .
	cd $(BACKEND) && .venv/bin/lint-imports --no-cache
	cd $(FRONTEND) && npm run lint --silent
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compile_translations --check
	@$(MAKE) --no-print-directory openapi-check

format: install
	cd $(BACKEND) && .venv/bin/ruff check --fix . && .venv/bin/ruff format .
	cd $(FRONTEND) && npx biome check --write .

openapi: install
	$(MANAGE) export_openapi_schema --api config.api.api --output openapi/schema.json --indent 2 --sorted
	cd $(FRONTEND) && npm run gen:api --silent

openapi-check: install
	@tmp=$$(mktemp -d); \
	$(MANAGE) export_openapi_schema --api config.api.api --output $$tmp/schema.json --indent 2 --sorted; \
	if ! diff -q $$tmp/schema.json $(CURDIR)/$(BACKEND)/openapi/schema.json >/dev/null; then \
		echo "backend/openapi/schema.json is stale: run 'make openapi' and commit the result."; \
		diff -u $(CURDIR)/$(BACKEND)/openapi/schema.json $$tmp/schema.json | head -40; rm -rf $$tmp; exit 1; \
	fi; rm -rf $$tmp
	cd $(CURDIR)/$(FRONTEND) && npm run check:api --silent

messages: install
	$(MANAGE) makemessages -l fr --no-location --ignore=.venv --ignore=staticfiles
	$(MANAGE) compile_translations

clean:
	rm -rf $(TOOLS) $(BACKEND)/.venv $(FRONTEND)/node_modules $(FRONTEND)/dist .reports
