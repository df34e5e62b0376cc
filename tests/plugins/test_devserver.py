"""`make devserver` (plugins/fast_build/devserver.py): a build process that stays, a server that
reloads the open page, shows a broken article's errors on its page, and publishes what a clean
build publishes after every kind of change."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from archive_fixture import fixture_article, write_articles
from conftest import ROOT, archive_search, fetch, free_port, ingest_fixtures, wait_for
from newsarchive.article import render


class Devserver:
    def __init__(self, project: Path, base: str, log: Path):
        self.project, self.base, self.log = project, base, log
        self.content, self.output = project / "content", project / "output"

    def state(self) -> dict:
        data = fetch(f"{self.base}/__devserver/state?path=/")
        return json.loads(data) if data else {"build": 0, "busy": True}

    def built_after(self, build: int) -> bool:
        state = self.state()
        return state["build"] > build and not state["busy"]

    def change(self, action) -> None:
        """Do ``action`` (a change to the sources), then wait until the build it starts is done."""
        build = self.state()["build"]
        action()
        assert wait_for(lambda: self.built_after(build)), self.log.read_text()


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
    log = tmp_path / "devserver.log"
    with log.open("w") as handle:
        # -o: never reinstall from the copy (that would point the shared .venv's editable install at tmp).
        process = subprocess.Popen(["make", "-o", f"{ROOT / '.venv'}/.installed", "devserver",
                                    f"VENV={ROOT / '.venv'}", f"PORT={port}"], cwd=project,
                                   stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    server = Devserver(project, f"http://127.0.0.1:{port}", log)
    try:
        assert wait_for(lambda: server.built_after(0)), log.read_text()
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def page_shows(page, text: str, present: bool = True, timeout: float = 60) -> bool:
    """Whether the open page comes to show ``text`` (or stop showing it) by itself, polled from
    here: the site's CSP forbids the eval Playwright's wait_for_function needs."""
    return bool(wait_for(lambda: (text in page.inner_text("body")) == present, timeout))


def pagefind_hits(browser, base: str, word: str) -> int:
    """Pages of the live Pagefind index whose indexed text holds ``word`` (fresh browser cache)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/search/")
        return sum(word in hit["content"] for hit in archive_search(page, word))
    finally:
        context.close()


def an_giang(server: Devserver) -> tuple[Path, str]:
    article = next((server.content / "articles").rglob("nang-cao-vai-tro-*.md"))
    return article, f"{server.base}/2019/07/{article.stem}/"


def test_a_save_shows_on_the_open_page_and_in_search(devserver, browser):
    article, url = an_giang(devserver)
    assert pagefind_hits(browser, devserver.base, "xylophonzz") == 0
    page = browser.new_page()
    try:
        page.goto(url)
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("\n\nChiều 15/7,", "\n\nChiều 15/7 (xylophonzz),", 1), encoding="utf-8")
        # the page the editor has open reloads itself: nobody navigates here
        assert page_shows(page, "xylophonzz")
    finally:
        page.close()
    assert wait_for(lambda: pagefind_hits(browser, devserver.base, "xylophonzz") == 1, 60), devserver.log.read_text()
    served = [p for p in devserver.output.rglob("*.html") if "__devserver" in p.read_text(encoding="utf-8")]
    assert served == []   # the reload script is the server's, never in the site's files


def test_a_broken_save_shows_its_errors_on_its_page_until_fixed(devserver, browser):
    article, url = an_giang(devserver)
    good = article.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(url)
        devserver.change(lambda: article.write_text(good.replace("date: 2019-07-16", "date: 2019-02-30", 1),
                                                    encoding="utf-8"))
        assert page_shows(page, "Bài viết này đang có lỗi")
        shown = page.inner_text("body")
        assert f"{article.name}:3: ngày đăng không hợp lệ" in shown
        other = fetch(f"{devserver.base}/")   # the rest of the site is still served
        assert other is not None and b"Kho" in other
        devserver.change(lambda: article.write_text(good, encoding="utf-8"))
        assert page_shows(page, "Bài viết này đang có lỗi", present=False)
        assert "Nâng cao vai trò lãnh đạo" in page.inner_text("h1")
    finally:
        page.close()
    assert f"{article.name}:3: ngày đăng không hợp lệ" in devserver.log.read_text()


def test_a_folder_made_after_start_is_watched_and_a_missing_page_is_the_sites_404(devserver):
    image = devserver.content / "images" / "2024" / "05" / "anh.jpg"
    devserver.change(lambda: (image.parent.mkdir(parents=True), image.write_bytes(b"\xff\xd8\xff\xe0 jpeg")))
    assert fetch(f"{devserver.base}/images/2024/05/anh.jpg") == b"\xff\xd8\xff\xe0 jpeg"
    assert "Unable to watch" not in devserver.log.read_text()
    try:
        urllib.request.urlopen(f"{devserver.base}/khong-co-trang-nay/", timeout=5)
        raise AssertionError("a missing page answered 200")
    except urllib.error.HTTPError as error:
        assert error.code == 404 and "Không tìm thấy" in error.read().decode("utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_after_every_kind_of_change_the_site_served_is_a_clean_builds(devserver, tmp_path):
    from test_archive_reader_cache import assert_same_tree

    def same_as_clean():
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        shutil.rmtree(tmp_path / "clean.cache", ignore_errors=True)
        made = subprocess.run(["make", "-o", f"{ROOT / '.venv'}/.installed", "html", f"VENV={ROOT / '.venv'}",
                               f"CONTENT={devserver.content}", f"OUTPUT={clean}"], cwd=devserver.project,
                              capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        for folder in (clean, devserver.output):   # markers name the build, not the site
            for marker in folder.rglob(".*"):
                marker.unlink()
        assert_same_tree(clean, devserver.output)

    articles = devserver.content / "articles"
    write = lambda number: write_articles(devserver.content, [number])   # noqa: E731
    devserver.change(lambda: write(70))                                     # add
    edited = next(articles.rglob("bai-so-70.md"))
    devserver.change(lambda: _replace(edited, "Nội dung bài số 70", "Nội dung đã sửa của bài số 70"))   # edit
    devserver.change(lambda: _replace(edited, "title: ", "title: Tiêu đề mới - "))                  # retitle
    devserver.change(lambda: _replace(edited, "tags: [", "tags: [Thẻ mới, "))                        # re-tag
    moved = fixture_article(70)
    devserver.change(lambda: (edited.unlink(), (articles / "bai-70.md").write_text(                 # re-date
        render(moved).replace(f"date: {moved.date.year}", "date: 2015", 1), encoding="utf-8")))
    same_as_clean()
    devserver.change(lambda: next(articles.rglob("quan-uy-cam-le-*.md")).unlink())                  # delete
    same_as_clean()
