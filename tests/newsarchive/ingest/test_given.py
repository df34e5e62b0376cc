"""The way back from quarantine: reasons in the page's words, a table of what is missing, values by hand."""

from __future__ import annotations

import json

import pytest

from newsarchive.cli import main
from newsarchive.frontmatter import parse, problems

NO_DATE = ("Đoàn thanh niên lao động tình nguyện tại xã Hà Vị\n\n"
           "Tại buổi lao động, đoàn viên thanh niên đã tổ chức làm nhiều phần việc có ý nghĩa cho bà con.\n\n"
           "Qua đây, đã phát huy vai trò xung kích của thanh niên các chi đoàn vì an sinh xã hội./.\n")
NO_TITLE = ("Sáng ngày 19/11/2024, Ban Thường vụ Huyện uỷ tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 42 "
            "thông qua dự thảo Đề cương chi tiết Báo cáo chính trị trình Đại hội.\n\n"
            "Các đại biểu đã thảo luận, góp ý nhiều nội dung quan trọng cho dự thảo báo cáo của huyện.\n")


def _ingest(tmp_path, *extra):
    report = tmp_path / "report.json"
    code = main(["ingest", str(tmp_path / "raw"), "--content", str(tmp_path / "content"), "--report", str(report),
                 *extra])
    return code, json.loads(report.read_text(encoding="utf-8")) if report.exists() else None


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    (folder / "sub").mkdir(parents=True)
    (folder / "no-date.txt").write_text(NO_DATE, encoding="utf-8")
    (folder / "sub" / "no-title.txt").write_text(NO_TITLE, encoding="utf-8")
    return folder


def test_quarantine_says_what_is_missing_in_the_pages_words(tmp_path, raw):
    _, report = _ingest(tmp_path)
    by_name = {entry["path"].rsplit("/", 1)[-1]: entry for entry in report["inputs"]}
    assert by_name["no-date.txt"]["kind"] == "no-date"
    assert "“Đoàn thanh niên lao động tình nguyện tại xã Hà Vị”" in by_name["no-date.txt"]["reason"]
    assert by_name["no-title.txt"]["kind"] == "no-title"
    assert "“Sáng ngày 19/11/2024, Ban Thường vụ Huyện uỷ" in by_name["no-title.txt"]["reason"]


def test_the_todo_table_filled_in_brings_the_articles_back(tmp_path, raw, capsys):
    todo = tmp_path / "todo.tsv"
    _ingest(tmp_path, "--todo", str(todo))
    rows = [line.split("\t") for line in todo.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["file", "reason", "seen", "date", "title", "author", "portal"]
    by_file = {row[0]: row for row in rows[1:]}
    assert set(by_file) == {"no-date.txt", "sub/no-title.txt"}
    assert by_file["no-date.txt"][2] == "tiêu đề: Đoàn thanh niên lao động tình nguyện tại xã Hà Vị"   # what it saw
    assert by_file["no-date.txt"][3:] == ["", "", "", ""]
    by_file["no-date.txt"][3] = "2019-03-26"
    by_file["sub/no-title.txt"][3:6] = ["2024-11-19T16:30", "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 42",
                                        "Minh Tâm"]
    todo.write_text("\n".join("\t".join(row) for row in [rows[0], *by_file.values()]) + "\n", encoding="utf-8")
    code, report = _ingest(tmp_path, "--given", str(todo))
    assert code == 0 and report["counts"]["written"] == 2, report
    articles = {p.name: parse(p.read_text(encoding="utf-8")) for p in (tmp_path / "content").rglob("*.md")}
    first = next(doc for doc in articles.values() if doc.meta["title"].startswith("Đoàn thanh niên"))
    assert first.meta["date"] == "2019-03-26T00:00:00+07:00" and first.meta["by_hand"] == ["date"]
    second = next(doc for doc in articles.values() if doc.meta["title"].startswith("Hội nghị"))
    assert second.meta["date"] == "2024-11-19T16:30:00+07:00" and second.meta["author"] == "Minh Tâm"
    assert second.meta["by_hand"] == ["title", "date", "author"]
    assert "Sáng ngày 19/11/2024, Ban Thường vụ" in second.body
    assert all(problems(doc) == [] for doc in articles.values())


def test_a_portal_given_by_hand_is_the_outlet_readers_see(tmp_path, raw):
    given = tmp_path / "given.tsv"
    given.write_text("file\tdate\tportal\nno-date.txt\t2019-03-26\tTrang TTĐT huyện Bạch Thông\n", encoding="utf-8")
    _ingest(tmp_path, "--given", str(given))
    doc = parse(next((tmp_path / "content").rglob("*.md")).read_text(encoding="utf-8"))
    assert doc.meta["portal_name"] == "Trang TTĐT huyện Bạch Thông"
    assert doc.meta["portal"] == "trang-ttdt-huyen-bach-thong"
    assert doc.meta["by_hand"] == ["date", "portal"]


@pytest.mark.parametrize("text, line, words", [
    ("name\tdate\n", 1, "dòng đầu phải là tên các cột"),
    ("file\twhen\n", 1, "cột không có hoặc lặp lại: when"),
    ("file\tdate\nno-date.txt\t26/03/2019\n", 2, "ngày không hợp lệ: '26/03/2019'"),
    ("file\tdate\nno-date.txt\t2019-03-26\nno-date.txt\t2019-03-27\n", 3, "đã có ở một dòng trên"),
    ("file\tdate\nno-date.txt\t2019-03-26\textra\n", 2, "dòng có 3 ô"),
])
def test_a_broken_table_is_one_line_naming_file_and_line(tmp_path, raw, capsys, text, line, words):
    given = tmp_path / "given.tsv"
    given.write_text(text, encoding="utf-8")
    code, _ = _ingest(tmp_path, "--given", str(given))
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith(f"newsarchive: {given}:{line}: ") and words in err[0]


def test_a_row_naming_no_input_is_reported(tmp_path, raw, capsys):
    given = tmp_path / "given.tsv"
    given.write_text("file\tdate\nno-dat.txt\t2019-03-26\n", encoding="utf-8")
    code, _ = _ingest(tmp_path, "--given", str(given))
    assert code == 0
    assert "không có tệp nào tên 'no-dat.txt'" in capsys.readouterr().err


def test_front_matter_keys_of_ingest_are_checked():
    head = "---\ntitle: Tiêu đề\ndate: 2020-01-01T00:00:00+07:00\ntags: []\nportal: x.vn\nslug: tieu-de\n"
    assert problems(parse(head + "portal_name: Báo X\nby_hand: [date, title]\n---\n\nThân bài.\n")) == []
    found = problems(parse(head + "portal_name: [a]\nby_hand: [date, when]\n---\n\nThân bài.\n"))
    assert [line for line, _ in found] == [7, 8]
    assert "portal_name" in found[0][1] and "when" in found[1][1]
