# Two commands for a newcomer: `make html` and `make test` (set-up included).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUTPUT := output
CONTENT := content
CONF   ?= pelicanconf.py
PORT   ?= 8000

.PHONY: html publish serve devserver test bench clean install linkcheck

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
	$(BIN)/pelican $(CONTENT) -o $(OUTPUT).new -s $(CONF)
	rm -rf $(OUTPUT).old
	if [ -d $(OUTPUT) ]; then mv $(OUTPUT) $(OUTPUT).old; fi
	mv $(OUTPUT).new $(OUTPUT)
	rm -rf $(OUTPUT).old

publish:
	$(MAKE) html CONF=publishconf.py

serve: html
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

# Every internal link and asset of the built site resolves (LinkChecker, offline, on loopback).
linkcheck: html
	$(BIN)/python tools/linkcheck.py $(OUTPUT)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old cache .pytest_cache
