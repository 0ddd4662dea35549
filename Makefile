# One-command set-up: `make demo` and `make test` create .venv when missing and install tipgraph into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_STORE ?= tipgraph-data

.PHONY: install demo test lint bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -rf $(DEMO_STORE)
	$(BIN)/tipgraph ingest examples/documents --store $(DEMO_STORE)
	$(BIN)/tipgraph stats --store $(DEMO_STORE)
	$(BIN)/tipgraph query who-met-whom --store $(DEMO_STORE) --param actor=IOM

# The linter (errors and likely bugs, in the package, the tests and the benchmarks), the type check, the docstring examples of the
# package (they run as tests), then the test suite.
test: install
	bash scripts/ensure-test-services.sh
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q --doctest-modules src/tipgraph
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/run.py --out docs/performance.md
	$(BIN)/python benchmarks/growth.py --out docs/performance.md --key latest --profile

docs: install
	$(BIN)/python scripts/gen_code_lists.py
	$(BIN)/python scripts/gen_ontology_docs.py
	$(BIN)/python scripts/gen_query_docs.py

clean:
	rm -rf $(VENV) $(DEMO_STORE) .pytest_cache
