"""HTML pages, static-site sources and unseen portals, checked against data (expectations.yaml)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from newsarchive.article import TIMEZONE, format_iso
from newsarchive.ingest import Quarantine, process

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HTML = FIXTURES / "html"
EXPECTED = yaml.safe_load((HTML / "expectations.yaml").read_text(encoding="utf-8"))
NOW = datetime(2026, 11, 1, tzinfo=TIMEZONE)


def _path(name: str) -> Path:
    return FIXTURES / "raw" / name if name.startswith("corpus/") else HTML / name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name):
    from newsarchive.ingest import Options

    expected = EXPECTED[name]
    raw = _path(name).read_bytes()
    if "quarantine" in expected:
        with pytest.raises(Quarantine, match=expected["quarantine"]):
            process(raw, Path(name).name, Options(now=NOW))
        return
    article = process(raw, Path(name).name, Options(now=NOW))
    assert article.title == expected["title"]
    assert format_iso(article.date) == expected["date"]
    assert article.author == expected["author"]
    assert article.portal == expected["portal"]
    body = "\n" + article.body
    for text in expected["must_contain"]:
        assert text in body, text
    for text in expected["must_not_contain"]:
        assert text not in body, text


def test_generic_extractor_still_finds_the_article_without_the_portal_rule():
    """The Liferay page through trafilatura alone (rules of an unrelated portal forced)."""
    from newsarchive.ingest.extract import extract
    from newsarchive.ingest.portals import load_all

    generic = load_all()[0]
    text = (HTML / "sotttt.hanoi.gov.vn.chien-luoc-quy-hoach.html").read_text(encoding="utf-8")
    page = extract(text, NOW, generic)
    assert "Thông tin trao đổi đề nghị liên hệ" in "\n".join(page.lines)
    assert page.title.startswith("Hướng dẫn xây dựng Kế hoạch ứng dụng CNTT")


def test_portal_identified_by_host_of_the_mirrored_page():
    from newsarchive.ingest.portals import by_host

    assert by_host("www.sotttt.hanoi.gov.vn").id == "sotttt.hanoi.gov.vn"
    assert by_host("example.org") is None
