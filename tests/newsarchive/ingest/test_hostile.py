"""Hostile inputs: each ends as a clear quarantine reason or a clean article, never a traceback or a hang."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from newsarchive.ingest import Quarantine, process
from newsarchive.ingest.decode import decode

ARTICLE = ("Hội nghị sơ kết công tác Đảng năm 2022\nNgày đăng: 16/07/2019\n"
           "Chiều 15/7, Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị sơ kết công tác.\n"
           "Các đại biểu đã thảo luận về nhiệm vụ trong thời gian tới.\nCông Mạo\n")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letter, then a combining tone mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("raw", [
    ARTICLE.encode("utf-8"),
    b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
    ARTICLE.encode("utf-16"),
    ARTICLE.encode("utf-16-le"),
    _cp1258(ARTICLE),
    ARTICLE.encode("utf-8").decode("latin-1").encode("utf-8"),        # mojibake
    ARTICLE.replace(" ", " \x00").encode("utf-8"),                     # NUL bytes
    unicodedata.normalize("NFD", ARTICLE).encode("utf-8"),             # decomposed
    ARTICLE.replace("\n", "\r\n").encode("utf-8"),
], ids=["utf8", "bom", "utf16", "utf16le", "cp1258", "mojibake", "nul", "nfd", "crlf"])
def test_every_encoding_gives_the_same_article(raw):
    article = process(raw, "bai.txt")
    assert article.title == "Hội nghị sơ kết công tác Đảng năm 2022"
    assert article.author == "Công Mạo"
    assert "Chiều 15/7, Đảng ủy Khối" in article.body
    assert unicodedata.is_normalized("NFC", article.body)


def test_mojibake_of_a_real_homepage_is_repaired():
    assert decode("Tin TÃ¢y NguyÃªn".encode("utf-8")) == "Tin Tây Nguyên"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "xin chào")
    return buffer.getvalue()


@pytest.mark.parametrize("name, raw, reason", [
    ("empty.txt", b"", "tệp trống"),
    ("blank.txt", b"  \n\t\n", "tệp trống"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "nhị phân"),
    ("random.bin", bytes(range(256)) * 20, "nhị phân|bảng mã"),
    ("archive.html", _zip(), "nhị phân"),
    ("script.html", b"<html><head><script>var a=1;</script></head><body><script>f()</script></body></html>",
     "không có chữ"),
    ("lost.txt", "Ng?y ??ng: 16/07/2019\nH?i ngh? s? k?t c?ng t?c ??ng c?a t?nh.\n".encode(), "mất dấu"),
    ("english.txt", b"Council meeting\n16/07/2019\nThe council met on Tuesday to discuss the budget.\n",
     "không phải bài tiếng Việt"),
    ("nodate.txt", "Tiêu đề bài viết\nNội dung bài viết không có ngày tháng nào cả.\n".encode(), "ngày đăng"),
    ("README.md", "# Trang cào từ Cổng TTĐT tỉnh\n\nNgày 16/07/2019, nhóm lưu trữ đã tải về các trang của "
     "cổng thông tin điện tử tỉnh An Giang để lưu giữ lâu dài.\n".encode(), "tệp ghi chú"),
    ("LICENSE", "Giấy phép sử dụng, ngày 16/07/2019: được phép sao chép và phân phối lại.\n".encode(), "tệp ghi chú"),
    ("SOURCES.tsv", "tệp\tnguồn\tngày\nbai-1.html\thttps://angiang.gov.vn/bai-1\t16/07/2019\n".encode(),
     "tệp ghi chú"),
    ("listing.txt", "\n".join(f"Tin số {i} về hoạt động của tỉnh ({i:02d}/05/2024)" for i in range(1, 12)).encode(),
     "danh mục"),
])
def test_not_articles_are_quarantined_with_a_reason(name, raw, reason):
    with pytest.raises(Quarantine, match=reason):
        process(raw, name)


def test_five_megabyte_single_line_does_not_hang():
    with pytest.raises(Quarantine):
        process(("Hội nghị " * 600_000).encode(), "big.txt")


def test_deeply_nested_html_does_not_crash():
    text = "<p>Chiều 15/7, Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh tổ chức hội nghị sơ kết công tác.</p>"
    raw = ("<html><head><title>Hội nghị sơ kết</title></head><body>".encode() + b"<div>" * 5000
           + text.encode() * 5 + b"</div>" * 5000 + b"</body></html>")
    try:
        process(raw, "deep.html")
    except Quarantine as exc:
        assert str(exc)


def test_a_static_site_source_with_yaml_aliases_is_not_expanded():
    """Eight levels of nine aliases are 43 million items to code that walks them; a scrape's front
    matter is read by the archive's own YAML reader, which refuses aliases, so the text is read
    as plain text and ends as an article or a reason, at once."""
    levels = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"] + [
        f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 8)]
    raw = ("---\ntitle: Hội nghị sơ kết công tác Đảng năm 2022\n" + "\n".join(levels) + "\n---\n" + ARTICLE)
    try:
        article = process(raw.encode("utf-8"), "bom.md")
    except Quarantine as reason:
        assert str(reason)
    else:
        assert "l7" not in article.title and len(article.body) < 10_000
