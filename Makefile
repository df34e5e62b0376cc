# Two commands for a newcomer: `make html` and `make test` (set-up included).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUTPUT := output
CONF   ?= pelicanconf.py
PORT   ?= 8000

.PHONY: html publish serve devserver test bench bench-search clean install

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
	$(BIN)/pelican content -o $(OUTPUT).new -s $(CONF)
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

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Search at scale: N=10000 by default; `make bench-search ARGS=--large` for 100,000.
bench-search: $(STAMP)
	$(BIN)/python bench/search.py $(ARGS)

clean:
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old cache .pytest_cache
