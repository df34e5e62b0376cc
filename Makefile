# Two commands for a newcomer: `make html` and `make test` (set-up included).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUTPUT := output
CONTENT ?= content
CONF   ?= pelicanconf.py
PORT   ?= 8000

.PHONY: html publish serve test audit bench-ingest bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Build into a fresh folder, then swap it in: a failed or killed build leaves
# the previous output/ as it was.
html: $(STAMP)
	rm -rf $(OUTPUT).new
	$(BIN)/pelican $(CONTENT) -o $(OUTPUT).new -s $(CONF) --cache-path $(OUTPUT).cache
	rm -rf $(OUTPUT).old
	if [ -d $(OUTPUT) ]; then mv $(OUTPUT) $(OUTPUT).old; fi
	mv $(OUTPUT).new $(OUTPUT)
	rm -rf $(OUTPUT).old

publish:
	$(MAKE) html CONF=publishconf.py

serve: html
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

test: $(STAMP)
	$(BIN)/python -m pytest

# Lighthouse (npm lighthouse@12.2.3, Debian's Chromium) on four pages + the v.Nu checker: bench/audit.py
audit: $(STAMP)
	$(BIN)/python bench/audit.py

# Ingest throughput on 10,000 corpus texts and HTML extraction F1 (see bench/ingest.py, bench/extraction.py).
bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/extraction.py

# Build time and peak RSS, stock Pelican + Pagefind vs our `make html`, full and incremental
# (bench/build.py; ARGS="--count 2000 --repeat 1", "--full" for 100,000 articles).
bench: $(STAMP)
	$(BIN)/python bench/build.py $(ARGS)

clean:
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old $(OUTPUT).cache cache .pytest_cache
