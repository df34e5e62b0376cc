"""The front matter's fast path for plain strings writes exactly what ``yaml.safe_dump`` writes."""

from __future__ import annotations

import random
from itertools import product
from pathlib import Path

import pytest
import yaml

from newsarchive.article import _plain, _scalar, _yaml_scalar

LABELLED = Path(__file__).parents[1] / "fixtures" / "tagging" / "labelled.yaml"

TRICKY = [
    "- đầu dòng", "-", "-x", "--- ba gạch", "---", "...", "... ba chấm", "a: b", "a:b", "a:", ":", ": a", ":a",
    "? hỏi", "?", "?a", "a?b", "# chú thích", "a #b", "a#b", "#", "'trích'", "\"trích\"", "Anh 'Ba'", "a \"b\" c",
    "null", "Null", "NULL", "~", "", " ", "yes", "Yes", "no", "NO", "on", "Off", "true", "False", "y", "n",
    "123", "-1", "+1", "1.5", "1e3", "0x1F", "0o17", "1_000", "12:30", "1:20:30", ".5", ".inf", "-.inf", ".nan",
    "2019-07-16", "2019-7-6", "2019-07-16 10:00", "2019-07-16T10:00:00+07:00", "16/07/2019", "<<", "=",
    "&neo", "*bí danh", "!thẻ", "|khối", ">gấp", "%chỉ thị", "@a", "`a`", "[a]", "{a}", "a, b", "a,b", "a[b]",
    "a{b}", " đầu trống", "cuối trống ", "hai  trống", "dòng\nmới", "cuối\n", "tab\tở giữa", "\u2028", "a\u2029b",
    "a\x85b", "\ufeffBOM", "a\ufeffb", "\u00a0", "a\u00a0", "zero\u200bwidth", "Tây Nguyên", "ĐẮK LẮK",
    "Chỉ thị 42-CT/TU", "Châu Thành (Long An)", "TP.HCM", "100%", "50 %", "a % b", "a & b", "a * b", "a ! b",
    "a | b", "a > b", "a < b", "a = b", "\U0001f600 mặt cười", "\U0010ffff", "\ue000", "\ufffe", "\x7f", "\x00",
    "https://baomoi.com/a-b/c123.epi", "0765b5b3033813c2.txt", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c",
]


def _corpus_strings() -> list[str]:
    items = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    found = []
    for item in items:
        found += [item["title"], item["lede"], *item["body"].splitlines()]
    return [s for s in found if s]


def _check(value) -> None:
    assert _scalar(value) == _yaml_scalar(value), repr(value)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_alone_and_in_lists(text):
    _check(text)
    _check([text])
    _check(["Tây Nguyên", text, "An Giang"])


def test_corpus_titles_and_paragraphs():
    strings = _corpus_strings()
    assert len(strings) > 200
    for text in strings:
        _check(text)
        _check([text, text[:40]])
    # The fast path is taken for most real text, else this test proves nothing.
    assert sum(_plain(s, flow=False) for s in strings) > len(strings) // 2


def test_common_values_take_the_fast_path():
    assert _plain("Hội nghị Ban Chấp hành Đảng bộ tỉnh An Giang", flow=False)
    assert _plain("Chỉ thị 42-CT/TU", flow=True)
    assert not _plain("Hà Nội: một ngày", flow=False)
    assert not _plain("a, b", flow=True)
    assert _scalar(None) == "null"
    assert _scalar([]) == "[]"


ALPHABET = list("ab đ-:?#,[]{}&*!|>'\"%@`.~=<+01 \t\n\x85\u2028\xa0\ufeff\x00\U0001f600eEox")


def test_every_short_string_of_tricky_characters():
    for size in (1, 2, 3):
        for chars in product(ALPHABET, repeat=size):
            _check("".join(chars))


def test_random_strings_of_tricky_characters():
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choices(ALPHABET, k=rng.randint(4, 14)))
        _check(text)
        _check([text, "x"])


def test_the_editors_guide_shows_every_key_and_names_files_that_exist():
    import re

    from conftest import ROOT
    from newsarchive.article import KEYS

    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text(encoding="utf-8")
    table = {cell for row in re.findall(r"^\| `([^|]+)` \|", guide, flags=re.MULTILINE)
             for cell in re.findall(r"[a-z_0-9]+", row)}
    assert set(KEYS) <= table, set(KEYS) - table
    named = re.findall(r"`((?:newsarchive|docs|plugins|tests|\.github)/[^`\s]+)`", guide)
    assert named and [path for path in named if not (ROOT / path).exists()] == []
