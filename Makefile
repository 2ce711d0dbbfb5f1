# medocr: the two set-up commands are `make demo` and `make test` (see README.md).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
export MEDOCR_HOME ?= $(CURDIR)/.medocr
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-16)
SAMPLES := $(MEDOCR_HOME)/samples

.PHONY: demo test install system-deps corpus-run lint

demo: install ## install, build OCR models, generate samples, run the main job on them
	$(BIN)/medocr models install
	test -f $(SAMPLES)/manifest.json || $(BIN)/medocr samples generate $(SAMPLES)
	$(BIN)/medocr run $(SAMPLES)

test: install system-deps ## install and run the test suite
	$(BIN)/pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

system-deps: ## Debian tools the tests use (tesseract, poppler, qpdf, SoftHSM2)
	bash scripts/system-deps.sh

corpus-run: install ## the main job and evaluations on ../shared/corpus (CI)
	bash scripts/corpus-run.sh

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .
