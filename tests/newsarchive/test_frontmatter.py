import pytest

from newsarchive.frontmatter import FrontMatterError, parse, problems

GOOD = """---
title: Tiêu đề
date: 2024-05-01T08:00:00+07:00
author: null
tags: [An Giang]
portal: editor
slug: tieu-de
---

Nội dung.
"""


def test_good_file_has_no_problems():
    doc = parse(GOOD)
    assert problems(doc) == []
    assert doc.meta["date"] == "2024-05-01T08:00:00+07:00"   # kept as typed
    assert doc.key_lines["slug"] == 7 and doc.body_line == 9


def test_missing_opening_fence():
    with pytest.raises(FrontMatterError) as err:
        parse("title: x\n")
    assert err.value.line == 1


def test_unclosed_front_matter():
    with pytest.raises(FrontMatterError) as err:
        parse("---\ntitle: x\n")
    assert "đóng" in err.value.message


def test_yaml_error_points_at_the_yaml_line():
    with pytest.raises(FrontMatterError) as err:
        parse("---\ntitle: x\ntags: [a, b\nslug: y\n---\nbody\n")
    assert err.value.line in (3, 4, 5)


@pytest.mark.parametrize("old, new, line", [
    ("title: Tiêu đề", "title: ''", 2),
    ("date: 2024-05-01T08:00:00+07:00", "date: 2024-02-30", 3),
    ("slug: tieu-de", "slug: Tiêu Đề", 7),
    ("tags: [An Giang]", "tags: An Giang", 5),
])
def test_contract_errors_carry_their_line(old, new, line):
    found = problems(parse(GOOD.replace(old, new)))
    assert [l for l, _ in found] == [line]


def test_empty_body():
    found = problems(parse(GOOD.replace("Nội dung.\n", "")))
    assert found and found[0][0] == 9


@pytest.mark.parametrize("block", ["~", "null"])
def test_a_null_block_is_no_keys_and_reported_as_missing_fields(block):
    """Found by the fuzz test: a block holding one null scalar crashed the line bookkeeping."""
    doc = parse(f"---\n{block}\n---\n")
    assert doc.meta == {} and doc.key_lines == {}
    assert problems(doc)


def _front(extra: str, good: str = GOOD) -> str:
    return good.replace("slug: tieu-de\n", "slug: tieu-de\n" + extra)


@pytest.mark.parametrize("extra, message", [
    ("save_as: index.html\n", "khóa 'save_as' của Pelican không được dùng"),
    ("URL: https://evil.example/\n", "khóa 'URL' của Pelican không được dùng"),
    ("status: hidden\n", "withdrawn"),
    ("tag: [x]\n", "khóa 'tag' không có trong bài của kho — có phải 'tags'?"),
    ("Title: x\n", "có phải 'title'?"),
    ("sumary: x\n", "có phải 'summary'?"),
    ("xyz: 1\n", "các khóa được dùng: title, date"),
])
def test_keys_outside_the_contract_are_errors_at_their_line(extra, message):
    found = problems(parse(_front(extra)))
    assert [line for line, _ in found] == [8] and message in found[0][1], found


@pytest.mark.parametrize("old, new, line, message", [
    ("author: null", "author: yes", 4, "YAML đọc giá trị này thành giá trị đúng/sai"),
    ("author: null", "author: [a, b]", 4, "thành một danh sách"),
    ("tags: [An Giang]", "tags: [An Giang, 2024, '', no]", 5, "thẻ thứ 2 ('2024') phải là chữ"),
    ("portal: editor", "portal: ../../x", 6, "nguồn (portal) '../../x'"),
    ("portal: editor", "portal: Biên tập viên", 6, "chỉ được gồm chữ thường không dấu"),
    ("slug: tieu-de", 'slug: "tieu-de\\n"', 7, "slug 'tieu-de\\n' chỉ được"),   # shown on one line
    ("author: null", "author: |\n  Hai\n  dòng", 4, "phải nằm trên một dòng"),
])
def test_values_have_their_types(old, new, line, message):
    found = problems(parse(GOOD.replace(old, new)))
    assert found and found[0][0] == line and message in found[0][1], found


@pytest.mark.parametrize("extra, ok", [
    ("source_url: https://angiang.gov.vn/tin/1\n", True), ("source_url: javascript:alert(1)\n", False),
    ("raw_sha256: " + "a" * 64 + "\n", True), ("raw_sha256: ABC\n", False),
    ("withdrawn: Gỡ theo yêu cầu của tác giả ngày 1/6/2024\n", True), ("withdrawn: true\n", False),
    ("summary: 'Tóm tắt: một dòng'\n", True), ("category: Xây dựng Đảng\n", True),
])
def test_optional_keys(extra, ok):
    assert (problems(parse(_front(extra))) == []) is ok


@pytest.mark.parametrize("extra, line, message", [
    ("a: &x [1, 2]\nb: *x\n", 8, "mốc YAML '&x'"),
    ("summary: !!binary aGk=\n", 8, "kiểu YAML '!!binary'"),
    ("<<: {title: khác}\n", 8, "khóa gộp YAML '<<'"),
    ("title: lần hai\n", 8, "khóa 'title' được ghi hai lần (cả ở dòng 2)"),
    ("on: x\n", 8, "khóa 'on' được YAML đọc thành giá trị đúng/sai"),
    ("summary: " + "x" * 2001 + "\n", 8, "quá giới hạn 2000 ký tự"),
    ("n: " + "1" * 5000 + "\n", 8, "quá giới hạn"),      # never handed to int(): 4300 digits is its limit
    ("tags2: [" + ", ".join(["t"] * 101) + "]\n", 8, "danh sách dài quá 100 mục"),
    ("m: {a: {b: {c: {d: 1}}}}\n", 8, "YAML lồng quá sâu"),
])
def test_yaml_the_archive_refuses_is_an_error_at_its_line(extra, line, message):
    with pytest.raises(FrontMatterError) as err:
        parse(_front(extra))
    assert err.value.line == line and message in err.value.message, err.value.message


def test_the_front_matter_has_a_size_limit_checked_before_yaml():
    with pytest.raises(FrontMatterError) as err:
        parse(_front("summary: '" + "ồ" * 6000 + "'\n"))     # 18 KB of UTF-8: refused before any YAML
    assert err.value.line == 1 and "16384 byte" in err.value.message


def test_the_alias_bomb_is_refused_without_being_built():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]   # 9 levels: 387M items
    with pytest.raises(FrontMatterError) as err:
        parse(_front("\n".join(levels) + "\n"))
    assert err.value.line == 8 and "&a0" in err.value.message


def test_what_the_reader_passes_on_is_only_contract_keys():
    """The key table is the only list: every key render writes is in it, and each has a type."""
    from newsarchive.article import FIELDS, KEYS
    from newsarchive.frontmatter import TYPES

    assert set(FIELDS) == set(KEYS) and all(key.type in TYPES for key in KEYS.values())
    assert "withdrawn" in KEYS and not KEYS["withdrawn"].required
