"""The publish workflow calls make targets that exist; make devserver really rebuilds and reindexes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
import yaml

from conftest import ROOT, archive_search, ingest_fixtures

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*)\s*:(?!=)", text, flags=re.MULTILINE))


def test_workflow_parses_and_calls_existing_make_targets():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))     # YAML 1.1 reads the key 'on' as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    called = [target for step in steps for target in re.findall(r"\bmake\s+([\w.-]+)", step.get("run", ""))]
    assert {"install", "check", "publish"} <= set(called)
    assert set(called) <= make_targets(), set(called) - make_targets()
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/upload-artifact" in uses and "actions/deploy-pages" in uses
    # The build cache `make html` uses (--cache-path $(OUTPUT).cache) and the site it keeps
    # unchanged pages from (PUBLISHED_PATH) are restored before the build.
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    build = next(step for step in steps if "make publish" in step.get("run", ""))
    assert cache["with"]["path"].split() == ["output.cache", "output"] and steps.index(cache) < steps.index(build)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--cache-path $(OUTPUT).cache" in makefile and "PUBLISHED_PATH=\"$(abspath $(OUTPUT))\"" in makefile


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def wait_for(predicate, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return None


def pagefind_hits(browser, base: str, word: str) -> int:
    """Pages of the live Pagefind index whose indexed text holds ``word`` (fresh browser cache)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/search/")
        return sum(word in hit["content"] for hit in archive_search(page, word))
    finally:
        context.close()


@pytest.fixture
def devserver(tmp_path):
    """`make devserver` in a copy of the project, on a free port, with the project's .venv."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("theme", "plugins", "newsarchive"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    ingest_fixtures(project / "content")
    port = free_port()
    log = (tmp_path / "devserver.log").open("w")
    # -o: never reinstall from the copy (that would point the shared .venv's editable install at tmp).
    process = subprocess.Popen(["make", "-o", f"{ROOT / '.venv'}/.installed", "devserver", f"VENV={ROOT / '.venv'}",
                                f"PORT={port}"], cwd=project,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield project, f"http://127.0.0.1:{port}", tmp_path / "devserver.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_devserver_rebuilds_and_reindexes_on_change(devserver, browser):
    project, base, log = devserver
    article = next((project / "content" / "articles").rglob("nang-cao-vai-tro-*.md"))
    url = f"{base}/2019/07/{article.stem}/"
    assert wait_for(lambda: fetch(url) and fetch(f"{base}/pagefind/pagefind.js")), log.read_text()

    assert pagefind_hits(browser, base, "xylophonzz") == 0
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n\nChiều 15/7,", "\n\nChiều 15/7 (xylophonzz),", 1), encoding="utf-8")
    assert wait_for(lambda: b"xylophonzz" in (fetch(url) or b"")), log.read_text()
    assert wait_for(lambda: pagefind_hits(browser, base, "xylophonzz") == 1, timeout=60), log.read_text()

    # A broken save is reported with path:line, and the server keeps serving the last good pages.
    broken = project / "content" / "articles" / "bai-loi.md"
    broken.write_text("---\ntitle: Bài lỗi\ndate: 2024-02-30\ntags: []\nportal: editor\nslug: bai-loi\n---\n\nx\n",
                      encoding="utf-8")
    assert wait_for(lambda: "content/articles/bai-loi.md:3: ngày đăng không hợp lệ" in log.read_text())
    assert fetch(url) is not None
