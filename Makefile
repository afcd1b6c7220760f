# Two commands do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pytest-xdist workers: the suite waits on servers and subprocesses as much as it
# computes, so three keep two cores busy. Every worker opens its own databases
# (PostgreSQL: at most 10 connections per runtime, see tests/conftest.py).
WORKERS ?= 3
PARALLEL := -n $(WORKERS) --dist worksteal
# Line coverage of src/otpvirt by `make test` must not drop below this (measured: README).
COVERAGE_FLOOR := 90

.PHONY: run test quick lint typecheck pytest browser-deps bench-otp clean

$(STAMP): pyproject.toml sdk/python/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start the service on the embedded default: SQLite, demo data, simulator.
run: $(STAMP)
	$(BIN)/otpvirt serve --demo

## What CI runs: lint, type-check and the whole suite (SQLite and PostgreSQL, slow and
## browser tests included) in parallel, with the coverage floor.
test: $(STAMP) lint typecheck browser-deps pytest

## The inner loop: everything but the `slow` and `browser` tests, on SQLite only.
quick: $(STAMP)
	$(BIN)/python -m pytest $(PARALLEL) -m "not slow and not browser" --backends sqlite

lint: $(STAMP)
	$(BIN)/ruff check src sdk tests bench
	$(BIN)/ruff format --check src sdk tests bench

## mypy --strict on src/otpvirt; tests and bench checked without strict signatures.
typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest $(PARALLEL) --cov=otpvirt --cov-report=term:skip-covered \
		--cov-fail-under=$(COVERAGE_FLOOR)

## The browser tests drive Debian's Chromium: install it when missing and we are root.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] && ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing: run 'sudo apt-get install -y chromium'." \
				"Without it the browser tests skip locally and fail in CI." >&2; \
		fi; \
	fi

bench-otp: $(STAMP)
	$(BIN)/python bench/otp_accuracy.py

clean:
	rm -rf $(VENV) otpvirt-data .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.*
