"""The shard directory: its words are the ones Pagefind really indexed, keyed as Pagefind keys them,
and it names every shard holding each of them.

Checked against the real index: every shard's word chunks (``*.pf_index``, CBOR) decoded with cbor2,
on the fixture archive plus one article of awkward words written here.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
import unicodedata

import cbor2
import pytest

from conftest import FIXTURES, ROOT, build_site, ingest_fixtures

sys.path.insert(0, str(ROOT / "plugins"))

from pagefind_search.directory import base36  # noqa: E402
from pagefind_search.documents import fnv1a, parts  # noqa: E402
from pagefind_search.shards import group, shard_of  # noqa: E402
from pagefind_search.words import keys, shard_keys  # noqa: E402

# Words as editors and portals write them: document numbers, abbreviations, brand names, symbols.
AWKWARD = """---
title: Thông báo số 12/TB-UBND về iPhone và COVID-19
date: 2016-05-04T08:00:00+07:00
author: null
tags: [Nghị định 67/2014/NĐ-CP]
portal: editor
slug: thong-bao-so-12-tb-ubnd
---

Theo Nghị định 67/2014/NĐ-CP và Chỉ thị số 42 - CT/TU, UBND TP.HCM cùng HĐND-UBND tỉnh Đắk Lắk
bàn về iPhone, eBay, WiFi, ah_cal, Valley™, 10.000đ, 2,5%, x² và ① trong năm 2016 (ĐBSCL).
"""


def index_keys(shard) -> set[str]:
    found = set()
    for chunk in (shard / "index").glob("*.pf_index"):
        found.update(word[0] for word in cbor2.loads(gzip.decompress(chunk.read_bytes())[12:])[0])
    return found


def is_symbol(key: str) -> bool:
    return all(unicodedata.category(c) == "So" for c in key)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("directory-site")
    ingest_fixtures(base / "content")
    shutil.copytree(FIXTURES / "search" / "articles", base / "content" / "articles", dirs_exist_ok=True)
    (base / "content" / "articles" / "2016" / "05").mkdir(parents=True)
    (base / "content" / "articles" / "2016" / "05" / "thong-bao-so-12-tb-ubnd.md").write_text(AWKWARD, "utf-8")
    result = build_site(base / "content", base / "output", extra=["-e", 'PAGEFIND={"recent_pages": 4}'])
    assert result.returncode == 0, result.stderr
    return base / "output" / "pagefind"


def shard_folders(site):
    manifest = json.loads((site / "shards.json").read_text(encoding="utf-8"))
    return [site / key for key in manifest["words"]["order"]]


def test_the_keys_are_the_ones_pagefind_indexed(site):
    for shard in shard_folders(site):
        real, ours = index_keys(shard), shard_keys(shard)
        assert real <= ours, (shard.name, sorted(real - ours))
        assert all(is_symbol(key) for key in ours - real), (shard.name, sorted(ours - real))


def test_awkward_words_are_keyed_as_pagefind_keys_them(site):
    real = index_keys(site / "2016")
    for word, expected in [("67/2014/NĐ-CP", {"672014nđcp", "67", "2014", "nđ", "cp"}), ("Đắk", {"đak"}),
                           ("TP.HCM", {"tphcm", "tp", "hcm"}), ("iPhone", {"iphone", "phone"}),
                           ("ah_cal", {"ah_cal", "ah", "cal"}), ("10.000đ", {"10000đ", "10", "000", "đ"})]:
        assert set(keys(word)) == expected, word
        assert expected <= real, (word, expected - real)


def test_the_directory_names_exactly_the_shards_holding_each_word(site):
    manifest = json.loads((site / "shards.json").read_text(encoding="utf-8"))
    words = manifest["words"]
    masks = {}
    for first, name, union in words["chunks"]:
        lines = (site / words["path"] / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].split("\t")[0] >= first
        for line in lines:
            key, mask = line.split("\t")
            masks[key] = int(mask, 36)
            assert int(union, 36) & masks[key] == masks[key]
    for bit, shard in enumerate(shard_folders(site)):
        real = index_keys(shard)
        holding = {key for key, mask in masks.items() if mask >> bit & 1}
        assert real <= holding, (shard.name, sorted(real - holding)[:10])
        assert all(is_symbol(key) for key in holding - real), (shard.name, sorted(holding - real)[:10])


def test_shards_of_several_years_never_move():
    from datetime import datetime

    assert shard_of(datetime(2013, 5, 1), "%Y", 5) == "2010-2014"
    assert shard_of(datetime(2015, 1, 1), "%Y", 5) == "2015-2019"
    shards = group([("a", datetime(2014, 1, 1)), ("b", datetime(2011, 1, 1)), ("c", datetime(2016, 1, 1))], "%Y", 5)
    assert [(s.key, s.files, sorted(s.years)) for s in shards] == [
        ("2015-2019", ["c"], [2016]), ("2010-2014", ["a", "b"], [2011, 2014])]


def test_a_year_of_many_articles_is_cut_into_spans_of_whole_months():
    from datetime import datetime

    pages = [(f"{m}-{d}", datetime(2015, m, d)) for m in range(1, 13) for d in range(1, 29)]   # 336 pages
    pages.append(("old", datetime(2014, 3, 1)))
    shards = group(pages, "%Y", 1, 100)
    assert [(s.key, len(s.files)) for s in shards] == [("2015-10", 84), ("2015-07", 84), ("2015-04", 84),
                                                       ("2015-01", 84), ("2014", 1)]
    assert [s.key for s in group(pages, "%Y", 1, 200)] == ["2015-07", "2015-01", "2014"]
    assert [s.key for s in group(pages, "%Y")] == ["2015", "2014"]


def test_document_buckets_split_number_and_code():
    assert parts("Nghị định 67/2014/NĐ-CP") == ("67", "2014ndcp")
    assert parts("Chỉ thị 42-CT/TU") == ("42", "cttu")
    assert parts("Kết luận 80") == ("80", "")
    assert base36(0) == "0" and base36(36 ** 2 + 35) == "10z"
    assert fnv1a("") == 0x811C9DC5 and fnv1a("a") == 0xE40C292C   # the published FNV-1a test vectors
