"""The five real raw scrapes: title, date, author, portal, tags, and a clean body."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsarchive.article import format_iso, render
from newsarchive.frontmatter import parse, problems
from newsarchive.ingest import process

RAW = Path(__file__).resolve().parents[2] / "fixtures" / "raw"
EXPECTED = yaml.safe_load((RAW / "expectations.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(EXPECTED), ids=lambda name: name.split(".txt")[0])
def case(request):
    name = request.param
    article = process((RAW / name).read_bytes(), name)
    return name, EXPECTED[name], article


def test_metadata(case):
    _, expected, article = case
    assert article.title == expected["title"]
    assert format_iso(article.date) == expected["date"]
    assert article.author == expected["author"]
    assert article.portal == expected["portal"]
    assert article.category == expected["category"]


def test_tags_include_what_a_reader_expects(case):
    _, expected, article = case
    missing = [tag for tag in expected["tags"] if tag not in article.tags]
    assert not missing, article.tags
    assert len(article.tags) <= 8


def test_body_keeps_the_article(case):
    _, expected, article = case
    body = "\n" + article.body
    for text in expected["must_contain"]:
        assert text in body, text


def test_body_drops_the_debris(case):
    _, expected, article = case
    body = "\n" + article.body
    for text in expected["must_not_contain"]:
        assert text not in body, text


def test_written_file_honours_the_contract(case):
    name, _, article = case
    text = render(article)
    doc = parse(text)
    assert problems(doc) == []
    assert doc.meta["raw_name"] == name
    assert len(doc.meta["raw_sha256"]) == 64
    assert doc.meta["slug"] == article.slug
    assert text == render(process((RAW / name).read_bytes(), name)), "ingest must be deterministic"
