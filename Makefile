# Two commands do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench-otp clean

$(STAMP): pyproject.toml sdk/python/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Start the service on the embedded default: SQLite, demo data, simulator.
run: $(STAMP)
	$(BIN)/otpvirt serve --demo

## Lint, type-check and run the whole test suite (SQLite and PostgreSQL).
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src sdk tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest

bench-otp: $(STAMP)
	$(BIN)/python bench/otp_accuracy.py

clean:
	rm -rf $(VENV) otpvirt-data .pytest_cache .mypy_cache .ruff_cache
