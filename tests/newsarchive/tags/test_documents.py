"""Document citations are found by a literal scan then the pattern: the same matches as the pattern alone."""

from __future__ import annotations

import random

from newsarchive.tags.documents import DOCUMENT, citations, document_matches

PIECES = ["Chỉ thị", "chỉ thị", "CHỈ THỊ", "Nghị quyết", "nghị định", "Kết luận", "\u212aết luận", "Quyết định",
          "Quy định", "Quy chế phối hợp", "Quy chế phốı hợp", "Quy chế", "Thông tư", "số", "42", "-CT/TU", "/2015",
          " ", "  ", "x", "İ", "\n", "năm", ",", "Trung ương 4 khóa XII"]


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_document_matches_equal_the_pattern_scan():
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choices(PIECES, k=rng.randint(1, 8)))
        assert _spans(document_matches(text)) == _spans(DOCUMENT.finditer(text)), repr(text)


def test_citations_in_prose():
    text = ("Thực hiện Chỉ thị số 42-CT/TU và Nghị quyết Trung ương 4 khóa XII, "
            "theo Quyết định 1369/QĐ-TTg, Chỉ thị 42 được triển khai.")
    assert [c.name for c in citations(text)] == [
        "Chỉ thị 42-CT/TU", "Nghị quyết Trung ương 4 khóa XII", "Quyết định 1369/QĐ-TTg", "Chỉ thị 42-CT/TU"]
