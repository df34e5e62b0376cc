"""fast_build changes nothing but speed: built with it (articles read and pages rendered in
forked workers, cold or warm cache) the site is byte for byte the site built without it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from archive_fixture import write_articles
from conftest import FIXTURES, ROOT, build_site, ingest_fixtures
from test_archive_reader_cache import EDIT, assert_same_tree

sys.path.insert(0, str(ROOT))
from pelicanconf import PLUGINS  # noqa: E402
from plugins.fast_build.forking import WorkerError, fork_map, split  # noqa: E402

WITHOUT = ["-e", "PLUGINS=" + json.dumps([p for p in PLUGINS if p != "fast_build"]),
           "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
FORKED = ["-e", 'FAST_BUILD={"processes": 2, "min_items": 1}']   # fork even for a small site


def build(content, output, extra):
    result = build_site(content, output, extra=extra)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("fast-build")
    ingest_fixtures(base / "content")
    write_articles(base / "content", range(60))   # six years: several shards, full listing pages
    shutil.copytree(FIXTURES / "hostile" / "editor", base / "content" / "articles" / "editor")
    build(base / "content", base / "without", WITHOUT)
    return base


def test_forked_builds_write_the_bytes_of_a_build_without_the_plugin(archive):
    cached = [*FORKED, "--cache-path", str(archive / "cache")]
    cold = build(archive / "content", archive / "cold", cached)
    assert "tiến trình" not in cold.stderr   # no worker message, no traceback
    build(archive / "content", archive / "warm", cached)
    assert_same_tree(archive / "without", archive / "cold")
    assert_same_tree(archive / "without", archive / "warm")


def test_an_edit_after_a_forked_build_shows_as_in_a_build_without_the_plugin(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive / "content", content)
    cached = [*FORKED, "--cache-path", str(tmp_path / "cache")]
    build(content, tmp_path / "before", cached)
    edited = min((content / "articles").rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    build(content, tmp_path / "after", cached)
    build(content, tmp_path / "without", WITHOUT)
    assert_same_tree(tmp_path / "without", tmp_path / "after")


def test_a_broken_article_is_reported_once_when_reading_is_forked(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive / "content", content)
    broken = content / "articles" / "broken.md"
    broken.write_text("---\ntitle: Bài lỗi\ndate: 2024-13-45\n---\n\nNội dung.\n", encoding="utf-8")
    result = build_site(content, tmp_path / "output", extra=FORKED)
    assert result.returncode == 1
    reported = [line for line in result.stderr.splitlines() if "broken.md:3:" in line]
    assert len(reported) == 1, result.stderr
    assert "Traceback" not in result.stderr


def _square_all(numbers):
    return [n * n for n in numbers]


def _fail_on_seven(numbers):
    if 7 in numbers:
        raise ValueError("không đọc được bài số 7")
    return numbers


def _process_id(_chunk):
    return os.getpid()


def in_fresh_interpreter(test):
    """Run ``test`` in a new Python: this session's own threads (the shared HTTP server,
    Playwright's) would rightly keep fork_map serial here."""
    here = Path(__file__).resolve().parent
    code = f"import sys; sys.path[:0] = {[str(here), str(ROOT / 'tests'), str(ROOT)]!r}; " \
           f"from {Path(__file__).stem} import {test.__name__}; {test.__name__}()"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "tests", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _keeps_order_and_carries_a_childs_error():
    chunks = split(list(range(10)), 3)
    assert chunks == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]
    assert fork_map(_square_all, chunks) == [[0, 9, 36, 81], [1, 16, 49], [4, 25, 64]]
    with pytest.raises(WorkerError, match="ValueError: không đọc được bài số 7"):
        fork_map(_fail_on_seven, chunks)   # 7 is in chunk 1: a child's failure


def test_fork_map_keeps_order_and_carries_a_childs_error_as_one_line():
    in_fresh_interpreter(_keeps_order_and_carries_a_childs_error)


def _forks_unless_another_thread_runs():
    assert fork_map(_process_id, [[1], [2]])[1] != os.getpid()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        where = fork_map(_process_id, [[1], [2]])
    finally:
        stop.set()
        thread.join()
    assert where == [os.getpid()] * 2


def test_fork_map_forks_but_stays_serial_while_another_thread_runs():
    in_fresh_interpreter(_forks_unless_another_thread_runs)


def test_a_file_is_hashed_again_only_when_its_size_inode_or_time_changed(tmp_path):
    import hashlib

    from plugins.fast_build.skips import RememberedStamps

    content, hashed = tmp_path / "content", []
    content.mkdir()

    def sha1(name):   # as Pelican's generator: names relative to the content folder
        hashed.append(name)
        return hashlib.sha1((content / name).read_bytes()).digest()

    def stamps():
        return RememberedStamps(sha1, tmp_path / "stamps.json", str(content))

    for name in ("old.md", "edited.md", "racy.md"):
        (content / name).write_text("nội dung", encoding="utf-8")
        os.utime(content / name, ns=(1_000_000_000, 1_000_000_000))   # long before the table is written
    first = stamps()
    known = {name: first(name) for name in ("old.md", "edited.md", "racy.md")}
    first.save()

    (content / "edited.md").write_text("nội dung mới", encoding="utf-8")
    (content / "racy.md").write_text("nội dunG", encoding="utf-8")   # same size and time, other bytes
    os.utime(content / "racy.md", ns=(1_000_000_000, 1_000_000_000))
    hashed.clear()
    second = stamps()
    assert second("old.md") == known["old.md"] and second("edited.md") != known["edited.md"]
    assert hashed == ["edited.md"]
    # the one case stat cannot see; a file touched just before the table was written is hashed
    assert second("racy.md") == known["racy.md"]
    recent = stamps()
    recent._written = 1_000_000_000 + 500_000_000
    hashed.clear()
    assert recent("racy.md") != known["racy.md"] and hashed == ["racy.md"]


@pytest.mark.parametrize("order", ["after", "before"])
def test_a_page_a_later_plugin_writes_is_written_in_either_plugin_order(archive, tmp_path, order):
    """A generator that a plugin listed after fast_build adds runs after the flush: its page
    is written all the same, as in a build without fast_build."""
    others = [p for p in PLUGINS if p != "fast_build"]
    plugins = ["fast_build", "late_page", *others] if order == "after" else ["late_page", "fast_build", *others]
    paths = json.dumps([str(ROOT / "plugins"), str(FIXTURES / "plugins")])
    built = build(archive / "content", tmp_path / "output",
                  [*FORKED, "-e", "PLUGINS=" + json.dumps(plugins), f"PLUGIN_PATHS={paths}"])
    late = tmp_path / "output" / "late.html"
    assert late.read_text(encoding="utf-8") == "<p>Kho lưu trữ tin tức: trang viết muộn</p>", built.stderr
    plain = build(archive / "content", tmp_path / "plain",
                  ["-e", "PLUGINS=" + json.dumps(["late_page", *others]), f"PLUGIN_PATHS={paths}",
                   "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"])
    assert_same_tree(tmp_path / "plain", tmp_path / "output"), plain.stderr


ANOTHER_PELICAN = {
    "version": "import pelican; pelican.__version__ = '4.13.0'",
    "signature": "import pelican.writers as w; original = w.Writer.write_file\n"
                 "def write_file(self, name, template, context, relative_urls=False, paginated=None,\n"
                 "               template_name=None, override_output=False, url=None, encoding='utf-8', **kwargs):\n"
                 "    return original(self, name, template, context, relative_urls, paginated, template_name,\n"
                 "                    override_output, url, **kwargs)\n"
                 "w.Writer.write_file = write_file",
}


@pytest.mark.parametrize("change", sorted(ANOTHER_PELICAN))
def test_on_another_pelican_the_plugin_says_so_once_and_plain_pelican_builds_the_same_site(archive, tmp_path,
                                                                                           change):
    code = f"{ANOTHER_PELICAN[change]}\nimport sys\nfrom pelican import main\nsys.exit(main())"
    result = subprocess.run([sys.executable, "-c", code, str(archive / "content"), "-o", str(tmp_path / "output"),
                             "-s", str(ROOT / "pelicanconf.py"), *FORKED, "CACHE_CONTENT=false",
                             "LOAD_CONTENT_CACHE=false"], cwd=ROOT, capture_output=True, text=True)
    printed = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 0, printed
    assert printed.count("fast_build tắt") == 1 and "Pelican thường" in printed, printed
    assert "Traceback" not in printed
    assert_same_tree(archive / "without", tmp_path / "output")


def test_a_cache_file_cut_by_a_killed_write_is_read_again_not_stopped_on(archive, tmp_path):
    """Pelican stops on a cut pickle's EOFError (it catches only PickleError); the cache file is
    now written beside and renamed over, and one cut by an older build is dropped."""
    cache = tmp_path / "cache"
    build(archive / "content", tmp_path / "first", [*FORKED, "--cache-path", str(cache)])
    cut = next(cache.rglob("ArticlesGenerator"))
    data = cut.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    again = build(archive / "content", tmp_path / "again", [*FORKED, "--cache-path", str(cache)])
    printed = " ".join((again.stdout + again.stderr).split())
    assert "bị cắt dở" in printed and "Traceback" not in printed
    assert_same_tree(archive / "without", tmp_path / "again")
    assert not list(cache.rglob("*.tmp"))
