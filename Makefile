# One entry point. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
AS_OF ?=
EDITIONS ?=
JOBS ?=
BUILT_ON ?=
SCHEDULER ?=
PDF ?= yes

.PHONY: help book check test bench clean template import new lock archive

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

book: $(VENV)/.installed ## check the data, run the chapters, build every edition of _build/html and its PDF booklets (AS_OF=YYYY-MM-DD DATA=dir PDF=no EDITIONS=vi SCHEDULER=tcp://host:8786)
	$(PY) -m programme_monitor build --data $(DATA) $(if $(EDITIONS),--lang $(EDITIONS)) $(if $(AS_OF),--as-of $(AS_OF)) $(if $(JOBS),--jobs $(JOBS)) $(if $(BUILT_ON),--built-on $(BUILT_ON)) $(if $(filter no,$(PDF)),--no-pdf) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

check: $(VENV)/.installed ## only check the data files
	$(PY) -m programme_monitor check --data $(DATA)

new: $(VENV)/.installed ## write a new programme's folder to fill in (DIR=folder); make check DATA=folder lists what is left
	@test -n "$(DIR)" || { echo "Ghi thư mục: make new DIR=<thư mục>" >&2; exit 2; }
	$(PY) -m programme_monitor new "$(DIR)"

archive: $(VENV)/.installed ## keep the published edition's data in DATA/editions/<date>/ (AS_OF=the edition, default the newest declared); the next edition shows what changed since
	$(PY) -m programme_monitor archive --data $(DATA) $(if $(AS_OF),--as-of $(AS_OF))

template: $(VENV)/.installed ## write the Excel template for new figures (_build/mau-nhap-so-lieu.xlsx)
	$(PY) -m programme_monitor template --data $(DATA) --out _build/mau-nhap-so-lieu.xlsx

import: $(VENV)/.installed ## add a keeper's figures to the data, then build (FILE=file.csv|.xlsx; CHECK=yes: dry run; LANG_MESSAGES=en); a bad file changes nothing
	@test -n "$(or $(FILE),$(XLSX))" || { echo "Ghi tệp: make import FILE=<tệp>.csv hoặc .xlsx" >&2; exit 2; }
	$(PY) -m programme_monitor import "$(or $(FILE),$(XLSX))" --data $(DATA) $(if $(filter yes,$(CHECK)),--check) $(if $(LANG_MESSAGES),--lang $(LANG_MESSAGES))
	$(if $(filter yes,$(CHECK)),,$(MAKE) book)

test: $(VENV)/.installed tests/browser/node_modules/.installed ## run the tests (unit, end-to-end, in Chromium with axe-core)
	$(PY) -m ruff format --check programme_monitor tests bench scripts
	$(PY) -m ruff check programme_monitor tests bench scripts
	$(PY) -m pytest

bench: $(VENV)/.installed ## time clean and incremental builds, real and 4x/16x synthetic (minutes; prints figures)
	$(PY) bench/benchmark.py --reference $(if $(SCALES),--scales $(SCALES))

# The lock (requirements.txt) pins and hashes every package for Python 3.11.2 to 3.13, with markers
# where a Python needs another release; wheels only, and the project itself built with the locked
# setuptools: nothing unpinned is fetched, not even a build backend.
$(VENV)/.installed: requirements.txt pyproject.toml scripts/install-system-packages
	scripts/install-system-packages
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The lock, made again from requirements.in by uv (a tool only this target installs, at the
# version given) for every Python the project supports, resolving from PyPI only.
UV_VERSION := 0.13.9
lock: ## make requirements.txt again from requirements.in (every package pinned and hashed, Python 3.11.2-3.13)
	$(PYTHON) -m venv _build/lock-tools
	_build/lock-tools/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	_build/lock-tools/bin/uv pip compile requirements.in --universal --python-version 3.11.2 \
	  --generate-hashes --index-url https://pypi.org/simple --quiet -o requirements.txt

# axe-core for the accessibility checks, at the version package-lock.json pins.
tests/browser/node_modules/.installed: tests/browser/package.json tests/browser/package-lock.json $(VENV)/.installed
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $@

clean: ## remove the built site, the cache of executed chapters, generated chapters and the virtual environment
	rm -rf _build book/generated $(VENV) tests/browser/node_modules
