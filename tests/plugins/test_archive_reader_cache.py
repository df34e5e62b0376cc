"""The content cache changes nothing in the output: plain and cached builds are byte-identical."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import ROOT, build_site, ingest_fixtures

sys.path.insert(0, str(ROOT))
from plugins.archive_reader.cache import fingerprint  # noqa: E402

PLAIN = ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
EDIT = "\nĐoạn văn thêm để kiểm tra bộ nhớ đệm khi sửa bài.\n"


# Two plain builds already differ here, whatever the cache does: Pagefind 1.5 writes its
# filter files, and so its metadata file and entry hash, in no fixed order (fragments and
# index chunks are stable); pelican-sitemap stamps listing pages with the build time.
# Everything else must match byte for byte.
UNSTABLE = re.compile(r"^pagefind/(filter/|pagefind-entry\.json$|pagefind\.[^/]*\.pf_meta$)")
BUILD_TIME = re.compile(rb"<lastmod>[^<]*</lastmod>")


def tree(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_file() and not UNSTABLE.match(name):
            data = path.read_bytes()
            files[name] = BUILD_TIME.sub(b"<lastmod/>", data) if name == "sitemap.xml" else data
    return files


def assert_same_tree(expected: Path, actual: Path) -> None:
    want, got = tree(expected), tree(actual)
    assert sorted(want) == sorted(got)
    differing = [name for name in want if want[name] != got[name]]
    assert not differing, f"different bytes: {differing[:10]}"


def build(content: Path, output: Path, extra: list[str]) -> None:
    result = build_site(content, output, extra=extra)
    assert result.returncode == 0, result.stderr


def test_cached_builds_write_the_same_bytes_and_see_edits(tmp_path):
    content, cache = tmp_path / "content", tmp_path / "cache"
    ingest_fixtures(content)
    cached = ["--cache-path", str(cache)]
    build(content, tmp_path / "plain", PLAIN)
    build(content, tmp_path / "cold", cached)
    scoped = [p for p in cache.iterdir() if p.is_dir()]
    assert len(scoped) == 1 and any(scoped[0].iterdir()), "the cache was not written"
    build(content, tmp_path / "warm", cached)
    assert_same_tree(tmp_path / "plain", tmp_path / "cold")
    assert_same_tree(tmp_path / "plain", tmp_path / "warm")

    edited = min((content / "articles").rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    build(content, tmp_path / "plain-edited", PLAIN)
    build(content, tmp_path / "warm-edited", cached)
    assert_same_tree(tmp_path / "plain-edited", tmp_path / "warm-edited")
    pages = tree(tmp_path / "warm-edited")
    assert any(EDIT.strip().encode() in body for name, body in pages.items() if name.endswith(".html"))


def test_cache_folder_changes_with_settings_not_with_places():
    base = {"SLUG_REGEX_SUBSTITUTIONS": [(r"/", "-")], "PATH": "/a", "OUTPUT_PATH": "/b"}
    assert fingerprint(base) == fingerprint({**base, "PATH": "/c", "OUTPUT_PATH": "/d", "CACHE_PATH": "/e"})
    assert fingerprint(base) != fingerprint({**base, "SLUG_REGEX_SUBSTITUTIONS": [(r"/", "_")]})
    assert fingerprint(base) != fingerprint({**base, "ARTICLE_URL": "{slug}/"})
