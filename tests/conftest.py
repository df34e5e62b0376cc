"""Shared test helpers: fixture paths, a real Pelican build, a loopback server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RAW = FIXTURES / "raw"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_site(content: Path, output: Path, conf: str = "pelicanconf.py", extra: list[str] | None = None,
               env: dict | None = None):
    """Run real Pelican (and so Pagefind, through our plugin) like `make html` does."""
    command = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
               "-s", str(ROOT / conf), *(extra or [])]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          env=None if env is None else {**os.environ, **env})


def ingest_fixtures(content: Path) -> None:
    from newsarchive.cli import main

    # The five samples only: subfolders of RAW hold fixtures of other portals (tests/fixtures/raw/corpus).
    assert main(["ingest", *sorted(str(p) for p in RAW.glob("*.txt")), "--content", str(content / "articles")]) == 0


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The five raw fixtures ingested and built into a real site (session-wide)."""
    base = tmp_path_factory.mktemp("site")
    ingest_fixtures(base / "content")
    result = build_site(base / "content", base / "output")
    assert result.returncode == 0, result.stderr
    return base / "output"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes | None:
    """The body at ``url``, or None (an error status, nothing listening yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def wait_for(predicate, timeout: float = 120):
    """``predicate()``'s first true value within ``timeout`` seconds, else None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> base URL of a loopback HTTP server for that folder."""
    servers = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright; never a downloaded browser.

    Skips on a developer machine without Chromium; CI sets
    NEWSARCHIVE_REQUIRE_BROWSER=1, which turns that skip into a failure.
    """
    required = os.environ.get("NEWSARCHIVE_REQUIRE_BROWSER") == "1"
    if not Path(CHROMIUM).exists():
        if required:
            pytest.fail(f"{CHROMIUM} is missing and NEWSARCHIVE_REQUIRE_BROWSER=1")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


# The site's own search engine (theme/static/js/search-engine.js) over every shard,
# from a page of the served site: [{url, content}] of the complete answer.
ARCHIVE_SEARCH_JS = """async (query) => {
  const { Archive } = await import('/theme/js/search-engine.js');
  const archive = new Archive('/pagefind/shards.json', '/');
  let last = { results: [] };
  for await (const answer of archive.search(query)) last = answer;
  return Promise.all(last.results.map(async ({ result }) => {
    const data = await result.data();
    return { url: data.url, content: data.content };
  }));
}"""


def archive_search(page, query: str) -> list[dict]:
    return page.evaluate(ARCHIVE_SEARCH_JS, query)
