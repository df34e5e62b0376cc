"""A build that stops says what failed and where in one Vietnamese line, never a traceback
(plugins/build_errors). A full disk during `make html`: tests/test_atomic_build.py."""

from __future__ import annotations

import pytest

from conftest import build_site, ingest_fixtures
from plugins.pagefind_search.shards import PagefindError, run_pagefind


def stop_lines(printed: str) -> list[str]:
    return [line for line in printed.splitlines() if line.startswith("Dừng dựng trang:")]


def test_a_write_that_fails_is_named_in_one_line(tmp_path):
    content = tmp_path / "content"
    ingest_fixtures(content)
    output = tmp_path / "output"
    output.mkdir()
    (output / "tag").write_text("a file where the tag pages' folder goes", encoding="utf-8")
    build = build_site(content, output)
    printed = build.stdout + build.stderr
    assert build.returncode == 1
    lines = stop_lines(printed)
    assert len(lines) == 1 and f"không ghi được {output}/tag/" in lines[0], printed
    assert "Traceback" not in printed and "CRITICAL" not in printed


def test_a_pagefind_killed_by_a_signal_says_so():
    with pytest.raises(PagefindError, match="Pagefind bị dừng bởi tín hiệu 9"):
        run_pagefind(["sh", "-c", "kill -9 $$"])


def test_a_pagefind_that_fails_without_a_word_still_says_how():
    with pytest.raises(PagefindError, match="Pagefind dừng với mã 3"):
        run_pagefind(["sh", "-c", "exit 3"])


@pytest.mark.parametrize("setting, said", [
    ('FAST_BUILD={"procesess": 1}', "FAST_BUILD: khóa không có 'procesess' — có phải 'processes'?"),
    ('PAGEFIND={"shardkey": "%Y"}', "PAGEFIND: khóa không có 'shardkey' — có phải 'shard_key'?"),
    ('ARCHIVE_STRUCTURE={"pagesize": 5}', "ARCHIVE_STRUCTURE: khóa không có 'pagesize' — có phải 'page_size'?"),
    ('SANITIZE={"tag": []}', "SANITIZE: khóa không có 'tag' — có phải 'tags'?"),
    ('TAG_VOCABULARY={"normalize": false}', "TAG_VOCABULARY: khóa không có 'normalize' — có phải 'normalise'?"),
    ('CONTENT_GUARD={"fatl": true}', "CONTENT_GUARD: khóa không có 'fatl' — có phải 'fatal'?"),
    ("ARCHIVE_READER_FATL=false", "khóa không có 'ARCHIVE_READER_FATL' — có phải 'ARCHIVE_READER_FATAL'?"),
])
def test_a_plugin_setting_with_an_unknown_key_stops_the_build_naming_it(tmp_path, setting, said):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    build = build_site(content, tmp_path / "output", extra=["-e", setting])
    printed = build.stdout + build.stderr
    assert build.returncode == 1
    lines = stop_lines(printed)
    assert len(lines) == 1 and said in lines[0], printed
    assert "Traceback" not in printed and not (tmp_path / "output" / "index.html").exists()
