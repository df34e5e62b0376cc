"""The search index: the folded copy, the shards, and re-indexing only what changed."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime

import pytest

from conftest import FIXTURES, ROOT, build_site, ingest_fixtures

sys.path.insert(0, str(ROOT / "plugins"))

from pagefind_search.folding import folded_copy  # noqa: E402
from pagefind_search.shards import group, recent  # noqa: E402

# (text, context, must be in the copy, must not be in the copy)
FOLDED = [
    ("Ban Thường vụ Liên đoàn Lao động tỉnh", 1, ["Liên doàn Lao dộng tỉnh"], ["Thường vụ", "đ"]),
    ("Hội đồng nhân dân tỉnh", 1, ["Hội dồng nhân"], ["dân"]),
    ("Hội đồng nhân dân tỉnh", 2, ["Hội dồng nhân dân"], []),
    ("<p>Chỉ thị 42-CT/TU, Nghị định 67/2014/NĐ-CP.</p>", 1, ["67/2014/ND-CP"], ["<p>", "42-CT/TU"]),
    ("Đảng bộ. Đảng bộ", 0, ["Dảng"], ["Dảng · Dảng"]),                 # each run once
    ("Kinh tế phát triển, xã hội ổn định", 1, ["ổn dịnh"], ["Kinh tế"]),  # runs stop at punctuation
    ("Không có chữ nào cần đổi", 0, ["dổi"], ["Không"]),
    ("Hà Nội &amp; Huế", 1, [], ["&", "amp"]),
]


@pytest.mark.parametrize("text, context, present, absent", FOLDED)
def test_folded_copy(text, context, present, absent):
    copy = folded_copy(text, context=context)
    for part in present:
        assert part in copy, copy
    for part in absent:
        assert part not in copy, copy


def test_shards_by_year_newest_first_and_the_recent_shard():
    pages = [("a.html", datetime(2019, 5, 1)), ("b.html", datetime(2021, 1, 1)),
             ("c.html", datetime(2019, 12, 31)), ("d.html", datetime(2020, 6, 1))]
    assert [(s.key, s.files) for s in group(pages, "%Y")] == [
        ("2021", ["b.html"]), ("2020", ["d.html"]), ("2019", ["a.html", "c.html"])]
    assert recent(pages, 2).files == ["b.html", "d.html"]
    assert recent([], 2) is None


EXTRA = """---
title: Hội nghị Ban Chấp hành Đảng bộ quận lần thứ mười
date: 2017-12-20T08:00:00+07:00
author: null
tags: [Cẩm Lệ]
portal: quanuy-camle
slug: hoi-nghi-ban-chap-hanh-dang-bo-quan
---

Sáng 20/12, Ban Chấp hành Đảng bộ quận tổ chức hội nghị lần thứ mười.
"""


def fingerprints(cache):
    """Shard -> fingerprint; Pagefind re-runs for a shard exactly when its fingerprint changes."""
    return {p.parent.name: p.read_text() for p in cache.glob("*/pagefind/index/*/.fingerprint")}


def test_adding_an_article_reindexes_only_its_shard(tmp_path):
    content = tmp_path / "content"
    ingest_fixtures(content)
    shutil.copytree(FIXTURES / "search" / "articles", content / "articles", dirs_exist_ok=True)
    cache = tmp_path / "cache"   # the search cache lives in Pelican's (scoped) cache folder
    settings = ["-e", 'PAGEFIND={"recent_pages": 3}', "--cache-path", str(cache)]
    assert build_site(content, tmp_path / "out1", extra=settings).returncode == 0
    before = fingerprints(cache)
    assert set(before) >= {"2017", "2025", "recent"}

    (content / "articles" / "2017" / "12").mkdir(parents=True, exist_ok=True)
    (content / "articles" / "2017" / "12" / "hoi-nghi-ban-chap-hanh-dang-bo-quan.md").write_text(EXTRA, encoding="utf-8")
    result = build_site(content, tmp_path / "out2", extra=settings)
    assert result.returncode == 0, result.stderr
    after = fingerprints(cache)
    changed = {key for key in after if after[key] != before.get(key)}
    assert changed == {"2017"}, changed  # the new article is not among the 3 newest

    manifest = json.loads((tmp_path / "out2" / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert {s["key"]: s["pages"] for s in manifest["shards"]}["2017"] == 2
    assert (tmp_path / "out2" / "pagefind" / "2017" / "pagefind-entry.json").is_file()
    assert (tmp_path / "out2" / "pagefind" / "pagefind.js").is_file()


def test_the_hidden_copy_sits_inside_the_indexed_body(sample_site):
    from bs4 import BeautifulSoup

    page = sample_site / "2022" / "10"
    html = next(page.glob("*/index.html")).read_text(encoding="utf-8")
    copy = BeautifulSoup(html, "html.parser").select_one("[data-pagefind-body] p[hidden][data-search-folded]")
    assert copy is not None and copy.get_text().startswith("\u2042")
    assert "Liên doàn Lao dộng" in copy.get_text()
