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
