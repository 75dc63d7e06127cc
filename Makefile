# Waypost commands. `make demo` and `make test` are all a newcomer needs.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export WAYPOST_DATA_DIR ?= $(CURDIR)/var

.DEFAULT_GOAL := help
.PHONY: help install demo serve test test-browser check fmt bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# (Re)create .venv when it is missing or was made by a Python older than 3.12.
$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	    PYTHON=$$(sh scripts/find-python) && echo "Creating $(VENV) with $$PYTHON" && \
	    $$PYTHON -m venv --clear $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,spark]'
	@touch $(STAMP)

install: $(STAMP)  ## create .venv and install Waypost with its test tools

demo: $(STAMP)  ## migrate, load the demo camp, print the logins and serve on 127.0.0.1:8000
	$(VENV)/bin/waypost migrate --no-input
	$(VENV)/bin/waypost demo --if-empty
	$(VENV)/bin/waypost serve

serve: $(STAMP)  ## serve the current database on 127.0.0.1:8000
	$(VENV)/bin/waypost serve

test: $(STAMP)  ## run every test (browser tests need Debian's chromium at /usr/bin/chromium)
	@$(PY) -m waypost.testing.browser_notice
	$(PY) -m pytest -q

test-browser: $(STAMP)  ## run only the browser tests
	@$(PY) -m waypost.testing.browser_notice
	$(PY) -m pytest -q -m browser tests/browser

check: $(STAMP)  ## lint, types, migrations and size budgets
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy waypost
	$(VENV)/bin/waypost makemigrations --check --dry-run
	$(PY) scripts/check_budgets.py

fmt: $(STAMP)  ## format the code
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)  ## run the benchmarks (see docs/benchmarks.md)
	$(PY) -m benchmarks

clean:  ## remove the virtual environment and local data
	rm -rf $(VENV) var
