# Two commands for a newcomer: `make html` and `make test` (set-up included).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUTPUT := output
CONTENT ?= content
CONF   ?= pelicanconf.py
PORT   ?= 8000
# More settings for `make html` (pelican -e takes them all at once), e.g.
# SETTINGS='ARCHIVE_STRUCTURE={"page_size":5}'
SETTINGS ?=

.PHONY: html publish serve devserver check test audit bench bench-ingest bench-search bench-check linkcheck clean install

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Pelican writes into $(OUTPUT).new only what changed since the published $(OUTPUT)
# (pages and search shards whose inputs are unchanged are kept there), then commit.py
# moves it in and deletes what the site no longer has. A failed or killed build
# leaves the previous output/ as it was.
html: $(STAMP)
	rm -rf $(OUTPUT).new
	$(BIN)/pelican $(CONTENT) -o $(OUTPUT).new -s $(CONF) --cache-path $(OUTPUT).cache \
		-e 'PUBLISHED_PATH="$(abspath $(OUTPUT))"' $(SETTINGS)
	$(BIN)/python plugins/fast_build/commit.py $(OUTPUT).new $(OUTPUT)

publish:
	$(MAKE) html CONF=publishconf.py

# A missing page is answered with the site's own 404.html (plugins/archive_structure/serve.py).
serve: html
	$(BIN)/python -m plugins.archive_structure.serve $(OUTPUT) --port $(PORT) --bind 127.0.0.1

# Rebuild on every change to content/, theme/ or settings, Pagefind included, in a build
# process that stays (plugins/fast_build/devserver.py): a saved article's page is rendered at
# once, the open page reloads itself, a broken article shows its errors on its page and the
# server keeps serving the rest. Each build is staged and published as make html's is.
devserver: $(STAMP)
	PYTHONPATH=$(CURDIR)/plugins $(BIN)/python -m fast_build.devserver $(CONTENT) -o $(OUTPUT).new -s $(CONF) --listen \
		--cache-path $(OUTPUT).cache --bind 127.0.0.1 --port $(PORT) \
		-e ARCHIVE_READER_FATAL=false 'PUBLISHED_PATH="$(abspath $(OUTPUT))"' $(SETTINGS)

# Every article problem as path:line: message (exit 1 on errors); the build refuses the same errors.
check: $(STAMP)
	$(BIN)/newsarchive check --cache cache/newsarchive-check.json

# Every internal link and asset of the built site resolves (LinkChecker, offline, on loopback).
linkcheck: html
	$(BIN)/python bench/linkcheck.py $(OUTPUT)

test: $(STAMP)
	$(BIN)/python -m pytest

# Lighthouse (npm lighthouse@12.2.3, Debian's Chromium) on four pages + the v.Nu checker: bench/audit.py
audit: $(STAMP)
	$(BIN)/python bench/audit.py

# Ingest throughput on 10,000 corpus texts, HTML extraction F1, and page-level accuracy on the
# hand-labelled portal pages, tuning and checking halves (bench/ingest.py, extraction.py, portals.py).
bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/portals.py

# Search at scale: N=10000 by default; `make bench-search ARGS=--large` for 100,000.
bench-search: $(STAMP)
	$(BIN)/python bench/search.py $(ARGS)

# newsarchive check over 100,000 synthetic articles: cold on one core and on all, then with --cache.
bench-check: $(STAMP)
	$(BIN)/python bench/check_scale.py --articles 100000

# Build time and peak RSS, stock Pelican + Pagefind vs our `make html`, full and incremental
# (bench/build.py; ARGS="--count 2000 --repeat 1", "--full" for 100,000 articles).
bench: $(STAMP)
	$(BIN)/python bench/build.py $(ARGS)

clean:
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old $(OUTPUT).cache $(OUTPUT).files $(OUTPUT).devserver.json cache .pytest_cache
