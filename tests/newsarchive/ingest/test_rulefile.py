"""Rule files are checked: an unknown key or a value of the wrong type is an error naming file:line."""

from __future__ import annotations

import shutil

import pytest

from newsarchive.cli import main
from newsarchive.ingest import portals
from newsarchive.ingest.rulefile import RuleError, load

GOOD = """\
id: example.vn
name: Báo Ví Dụ
hosts: [example.vn]
debris:
  lines: [Chia sẻ]
priorities:
  date: [hand, head, default]
"""


def _write(tmp_path, text):
    path = tmp_path / "example.vn.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    data = load(_write(tmp_path, GOOD))
    assert data["priorities"]["date"] == ["hand", "head", "default"]


@pytest.mark.parametrize("text, line, words", [
    (GOOD + "tail_marker: [Tin khác]\n", 8, "khóa không có trong tệp quy tắc: 'tail_marker'"),
    (GOOD.replace("lines: [Chia sẻ]", "line: [Chia sẻ]"), 5, "'debris.line'"),
    (GOOD + "province: 12\n", 8, "'province' phải là một chuỗi hoặc null"),
    (GOOD.replace("hosts: [example.vn]", "hosts: example.vn"), 3, "'hosts' phải là một danh sách chuỗi"),
    (GOOD + "identify: ['(unclosed']\n", 8, "biểu thức sai"),
    (GOOD + "identify: ['']\n", 8, "biểu thức rỗng"),
    (GOOD.replace("[hand, head, default]", "[hand, heading]"), 7, "không có nguồn 'heading'"),
    (GOOD + "html:\n  body: 'div[['\n", 9, "bộ chọn CSS sai"),
    (GOOD + "name: Lặp\n", 8, "được ghi hai lần"),
    ("id: x\n  bad: [\n", 2, "lỗi cú pháp YAML"),
])
def test_a_mistake_names_the_file_and_line(tmp_path, text, line, words):
    path = _write(tmp_path, text)
    with pytest.raises(RuleError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert words in str(caught.value)


def test_every_shipped_rule_file_passes_the_check():
    for path in sorted(portals.RULES_DIR.glob("*.yaml")):
        assert load(path)["id"]


def test_the_command_reports_a_broken_rule_file_in_one_line(tmp_path, monkeypatch, capsys):
    rules = tmp_path / "rules"
    shutil.copytree(portals.RULES_DIR, rules)
    (rules / "example.vn.yaml").write_text(GOOD + "tail_marker: [Tin khác]\n", encoding="utf-8")
    monkeypatch.setattr(portals, "RULES_DIR", rules)
    portals.load_all.cache_clear()
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Tiêu đề\nNgày đăng: 16/07/2019\nNội dung bài viết.\n", encoding="utf-8")
    try:
        code = main(["ingest", str(raw), "--content", str(tmp_path / "content")])
    finally:
        portals.load_all.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith(f"newsarchive: {rules / 'example.vn.yaml'}:8: khóa không có trong tệp quy tắc: "
                             "'tail_marker' (các khóa được dùng: id, name, ")
