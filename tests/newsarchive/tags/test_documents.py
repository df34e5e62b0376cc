"""Document citations are found by a literal scan then the pattern: the same matches as the pattern alone."""

from __future__ import annotations

import random

import pytest

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


# (as the corpus cites it, the canonical tags in text order)
CITED = [
    ("Thực hiện nhiệm vụ theo tinh thần Nghị quyết 29/NQ-TW, ngày 6/3/2014", ["Nghị quyết 29-NQ/TW"]),
    ("lộ trình tổ chức thực hiện Nghị quyết 29-NQ/TƯ về đổi mới căn bản", ["Nghị quyết 29-NQ/TW"]),
    ("rất gần với Chỉ thị 05-CT/TƯ ngày 15-5-2016 của Bộ Chính trị", ["Chỉ thị 05-CT/TW"]),
    ("Nghị quyết 18-NQTW và Nghị quyết số 19 NQ/TW", ["Nghị quyết 18-NQ/TW", "Nghị quyết 19-NQ/TW"]),
    ("theo tinh thần nghị quyết Trung ương 9 khóa 11, về xây dựng", ["Nghị quyết Trung ương 9 khóa XI"]),
    ("Nghị quyết Hội nghị lần thứ chín Ban Chấp hành Trung ương Đảng (Khóa XI) về xây dựng",
     ["Nghị quyết Trung ương 9 khóa XI"]),
    ("Nghị quyết Hội nghị Trung ương 8 khoá XIII", ["Nghị quyết Trung ương 8 khóa XIII"]),
    # a plenum cited beside its number is that resolution, here and later in the article
    ("nhận định Nghị quyết số 26-NQ/TW tại Hội nghị Trung ương 7 khóa X xác định. Nghị quyết Trung ương 7 khóa X nêu",
     ["Nghị quyết 26-NQ/TW", "Nghị quyết 26-NQ/TW"]),
    ("chính sách nêu tại Nghị quyết số 05/NQ-TW, Hội nghị Trung ương 4 (khóa XII). Nghị quyết Trung ương 4 khoá 12",
     ["Nghị quyết 05-NQ/TW", "Nghị quyết 05-NQ/TW"]),
    # a later short citation is the one cited in full
    ("Quyết định số 1722/QĐ-TTg ngày 2/9/2016. Theo quyết định 1722, các xã", ["Quyết định 1722/QĐ-TTg"] * 2),
    ("đóng theo NĐ 67. Nghị định 67/2014/NĐ-CP của Chính phủ. Theo NĐ 67", ["Nghị định 67/2014/NĐ-CP"] * 3),
    ("Nghị quyết số 66.13/2026 (gọi tắt là Nghị quyết số 66) và Nghị quyết 66", ["Nghị quyết 66.13/2026"] * 3),
    # what the document does, then its number
    ("hủy Quyết định giải quyết khiếu nại số 333 của Chủ tịch UBND TP Đông Hà; Quyết định thu hồi đất số 2594",
     ["Quyết định 333", "Quyết định 2594"]),
    ("UBND phường Mỹ An đã ban hành Quyết định đình chỉ thi công số 139/QĐ-UBND ngày 18/04/2017",
     ["Quyết định 139/QĐ-UBND"]),
    ("Quyết định số: 57/2008/QĐ-BNN ngày 2/5/2008", ["Quyết định 57/2008/QĐ-BNN"]),
    ("kết luận 49 của Bộ Chính trị giao TP HCM", ["Kết luận 49"]),
]


@pytest.mark.parametrize(("text", "expected"), CITED, ids=[t[:40] for t, _ in CITED])
def test_a_document_however_cited_has_one_tag(text, expected):
    assert [c.name for c in citations(text)] == expected


@pytest.mark.parametrize("text", ["Quyết định 2 năm qua", "nghị quyết 5 điểm", "chiếc Cub CT 110",
                                  "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII đã họp",
                                  "quyết định thu hồi đất số 12", "Nghị quyết Đại hội Đảng bộ số 5"])
def test_phrases_and_meetings_are_not_documents(text):
    assert citations(text) == []
