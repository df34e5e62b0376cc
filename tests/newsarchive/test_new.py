"""newsarchive new: a dated, unique file that check refuses until the body is written."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from newsarchive.check import run
from newsarchive.cli import main
from newsarchive.frontmatter import PLACEHOLDER, load
from newsarchive.new import create

# 20:30 UTC on 31 May is already 1 June in Vietnam: the file goes to 2024/06.
UTC_EVENING = datetime(2024, 5, 31, 20, 30, 15, 123456, tzinfo=timezone.utc)


def test_writes_a_dated_editor_article(tmp_path):
    path = create("Đảng ủy Khối: sơ kết 6 tháng", tmp_path / "articles", author="Thu Thảo",
                  tags=["An Giang", " Tỉnh  ủy ", ""], now=UTC_EVENING)
    assert path == tmp_path / "articles" / "2024" / "06" / "dang-uy-khoi-so-ket-6-thang.md"
    doc = load(path)
    assert doc.meta == {
        "title": "Đảng ủy Khối: sơ kết 6 tháng", "date": "2024-06-01T03:30:15+07:00", "author": "Thu Thảo",
        "tags": ["An Giang", "Tỉnh ủy"], "portal": "editor", "slug": "dang-uy-khoi-so-ket-6-thang",
    }
    assert PLACEHOLDER in doc.body


def test_never_overwrites_and_keeps_slugs_unique(tmp_path):
    content = tmp_path / "articles"
    first = create("Tin ngắn", content, now=UTC_EVENING)
    first.write_text(first.read_text(encoding="utf-8").replace(PLACEHOLDER, "Đã viết."), encoding="utf-8")
    before = first.read_bytes()
    second = create("Tin ngắn", content, now=UTC_EVENING)
    later = create("Tin ngắn", content, now=datetime(2025, 1, 1, tzinfo=timezone.utc))
    assert (second.name, later.name) == ("tin-ngan-2.md", "tin-ngan-3.md")
    assert first.read_bytes() == before


def test_check_refuses_the_placeholder_until_replaced(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["new", "--title", "Hội nghị tổng kết năm", "--tags", "An Giang, Tỉnh ủy",
                 "--content", str(content / "articles")]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.is_file() and path.parent.parent.parent == content / "articles"

    report = run([path], content=content)
    assert [f.message.split(":")[0] for f in report.findings] == ["bài còn đoạn giữ chỗ 'VIẾT NỘI DUNG BÀI Ở ĐÂY'"]
    assert report.findings[0].line == 10

    text = path.read_text(encoding="utf-8")
    body_start = text.index(PLACEHOLDER)
    path.write_text(text[:body_start] + "Sáng nay, hội nghị tổng kết năm đã diễn ra.\n", encoding="utf-8")
    assert main(["check", "--content", str(content), str(path)]) == 0


def test_a_title_without_letters_is_refused(tmp_path, capsys):
    assert main(["new", "--title", "???", "--content", str(tmp_path)]) == 2
    assert "slug" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
