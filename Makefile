# Everything runs through uv; when uv is missing it is installed into ./.tools first.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
RUN := $(UV) run --frozen

.PHONY: install mongo demo test unit integration acceptance lint types fmt bench up down clean

install: $(UV)
	$(UV) sync --frozen

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

mongo: install
	$(RUN) culdesac dev mongo --data .culdesac/mongo

demo: install
	$(RUN) culdesac demo -n 200

test: install lint types
	$(RUN) pytest

unit: install
	$(RUN) pytest tests/unit

integration: install
	$(RUN) pytest tests/integration

acceptance: install
	$(RUN) pytest tests/acceptance

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .

types: install
	$(RUN) mypy

fmt: install
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

bench: install
	$(RUN) python -m bench $(BENCH_ARGS)

up:
	docker compose up --build -d

down:
	docker compose down -v

clean:
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache
