"""``newsarchive tags``: counts, near-duplicates, respellings, tags used once."""

from __future__ import annotations

import json

from newsarchive.cli import main

ARTICLE = "---\ntitle: Bài {n}\ndate: 2024-05-0{n}\ntags: {tags}\nportal: editor\nslug: bai-{n}\n---\n\nNội dung.\n"


def write(content, n, tags):
    path = content / f"bai-{n}.md"
    path.write_text(ARTICLE.format(n=n, tags=json.dumps(tags, ensure_ascii=False)), encoding="utf-8")


def test_report_lists_counts_near_duplicates_and_single_use(tmp_path, capsys):
    write(tmp_path, 1, ["Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", "An Giang"])
    write(tmp_path, 2, ["Đảng uỷ Khối Cơ quan và Doanh nghiệp tỉnh", "An Giang"])
    write(tmp_path, 3, ["An Giang", "chỉ thị số 42-ct/tu"])
    (tmp_path / "hong.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert main(["tags", "--content", str(tmp_path), "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["articles"] == 3
    assert data["counts"]["An Giang"] == 3
    assert data["near_duplicates"] == [["Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh",
                                        "Đảng uỷ Khối Cơ quan và Doanh nghiệp tỉnh"]]
    assert data["not_canonical"] == {"Đảng uỷ Khối Cơ quan và Doanh nghiệp tỉnh": "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh",
                                     "chỉ thị số 42-ct/tu": "Chỉ thị 42-CT/TU"}
    assert "An Giang" not in data["used_once"] and "chỉ thị số 42-ct/tu" in data["used_once"]
    assert "hong.md:" in err and "Traceback" not in err


def test_text_report_is_vietnamese(tmp_path, capsys):
    write(tmp_path, 1, ["An Giang"])
    assert main(["tags", "--content", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 thẻ trong 1 bài viết." in out and "Thẻ chỉ dùng một lần: 1" in out


def test_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["tags", "--content", str(tmp_path / "khong-co")]) == 2
    assert "không tìm thấy thư mục bài viết" in capsys.readouterr().err
