"""The content cache changes nothing in the output: plain and cached builds are byte-identical."""

from __future__ import annotations

import os

import sys
from pathlib import Path

from conftest import ROOT, build_site, ingest_fixtures

sys.path.insert(0, str(ROOT))
from plugins.archive_reader.cache import fingerprint  # noqa: E402

PLAIN = ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
EDIT = "\nĐoạn văn thêm để kiểm tra bộ nhớ đệm khi sửa bài.\n"


def tree(folder: Path) -> dict[str, bytes]:
    """Every built file's bytes: builds are reproducible (tests/test_reproducible.py), so all must match."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


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
    scoped = [p for p in cache.iterdir() if p.is_dir() and p.name != "pagefind"]  # pagefind: search shards
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


def test_cache_folder_changes_with_settings_and_content_folder_not_with_output():
    base = {"SLUG_REGEX_SUBSTITUTIONS": [(r"/", "-")], "PATH": "/a", "OUTPUT_PATH": "/b"}
    assert fingerprint(base) == fingerprint({**base, "OUTPUT_PATH": "/d", "CACHE_PATH": "/e"})
    assert fingerprint(base) != fingerprint({**base, "PATH": "/c"})   # cached articles hold their source path
    assert fingerprint(base) != fingerprint({**base, "SLUG_REGEX_SUBSTITUTIONS": [(r"/", "_")]})
    assert fingerprint(base) != fingerprint({**base, "ARTICLE_URL": "{slug}/"})


def test_old_cache_folders_are_pruned_but_the_current_and_two_others_stay(tmp_path):
    from plugins.archive_reader.cache import prune

    for age, name in enumerate(["a" * 16, "b" * 16, "c" * 16, "d" * 16, "e" * 16]):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (1_000_000 - age * 1000, 1_000_000 - age * 1000))   # a newest, e oldest
    (tmp_path / "notes").mkdir()   # not a cache folder of ours
    prune(tmp_path, "e" * 16)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a" * 16, "b" * 16, "e" * 16, "notes"]
