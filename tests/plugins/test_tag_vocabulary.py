"""Real Pelican builds: one spelling per tag page, document pages, article links to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, ingest_fixtures

LONG_AN = "2023/01/tang-cuong-cong-tac-xay-dung-to-chuc-dang-to-chuc-chinh-tri-xa-hoi-trong-cac"
EDITOR_ARTICLE = """---
title: Bài của biên tập viên về Chỉ thị 42
date: 2024-05-02T08:00:00+07:00
author: null
tags: [chỉ thị số 42-ct/tu, "Đảng uỷ Khối Cơ quan và Doanh nghiệp", LONG AN, TP.HCM, "  liên đoàn  lao động tỉnh ",
       Uỷ ban nhân dân huyện Văn Yên, Yên Bái, Văn Yên]
portal: editor
slug: bai-bien-tap
---

Nội dung.
"""
# Tag pages the build must write, and the ones it must not (a second spelling of the same tag).
MUST_EXIST = ["tag/chi-thi-42-ct-tu", "tag/dang-uy-khoi-co-quan-va-doanh-nghiep-tinh", "tag/long-an",
              "tag/thanh-pho-ho-chi-minh", "tag/lien-doan-lao-dong-tinh", "tag/ubnd-huyen-van-yen", "tag/yen-bai",
              "tag/van-yen", "document/chi-thi-42-ct-tu",
              "document/nghi-quyet-21-nq-tw", "document/ket-luan-80"]
MUST_NOT_EXIST = ["tag/chi-thi-so-42-ct-tu", "tag/dang-uy-khoi-co-quan-va-doanh-nghiep", "tag/tp-hcm",
                  "tag/tphcm", "document/long-an", "tag/uy-ban-nhan-dan-huyen-van-yen"]
# What a place's tag page says its name became on 1/7/2025 (from places.yaml); other tags say nothing.
PLACE_NOTES = {
    "tag/yen-bai": "Tỉnh Yên Bái (đến 30/6/2025): từ 1/7/2025 là một phần của tỉnh Lào Cai.",
    "tag/long-an": "Tỉnh Long An (đến 30/6/2025): từ 1/7/2025 là một phần của tỉnh Tây Ninh.",
    "tag/thanh-pho-ho-chi-minh": "Từ 1/7/2025, Thành phố Hồ Chí Minh gồm cả tỉnh Bình Dương cũ và tỉnh Bà Rịa - "
                                 "Vũng Tàu cũ.",
    "tag/van-yen": "Huyện Văn Yên thuộc tỉnh Yên Bái đến 30/6/2025; từ 1/7/2025 không còn cấp huyện: địa bàn nay "
                   "là xã Mậu A, xã Xuân Ái, xã Đông Cuông, xã Tân Hợp, xã Lâm Giang, xã Châu Quế, xã Phong Dụ Hạ, "
                   "xã Phong Dụ Thượng, xã Mỏ Vàng (tỉnh Lào Cai).",
    "tag/lien-doan-lao-dong-tinh": None, "tag/ubnd-huyen-van-yen": None, "tag/chi-thi-42-ct-tu": None,
}


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("tagsite")
    ingest_fixtures(base / "content")
    editor = base / "content" / "articles" / "2024" / "05" / "bai-bien-tap.md"
    editor.parent.mkdir(parents=True)
    editor.write_text(EDITOR_ARTICLE, encoding="utf-8")
    result = build_site(base / "content", base / "output", extra=["-e", 'PAGEFIND={"enabled": false}'])
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.mark.parametrize("url", MUST_EXIST)
def test_one_page_per_tag(site, url):
    assert (site / url / "index.html").is_file()


@pytest.mark.parametrize("url", MUST_NOT_EXIST)
def test_no_page_for_a_second_spelling(site, url):
    assert not (site / url).exists()


def test_editor_tags_are_normalised_on_the_article(site):
    tags = [a.get_text() for a in soup_of(site, "2024/05/bai-bien-tap").select(".tags a")]
    assert tags == ["Chỉ thị 42-CT/TU", "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh", "Long An",
                    "Thành phố Hồ Chí Minh", "Liên đoàn Lao động tỉnh", "UBND huyện Văn Yên", "Yên Bái", "Văn Yên"]


@pytest.mark.parametrize("url", PLACE_NOTES)
def test_a_place_tag_page_says_what_its_name_became(site, url):
    note = soup_of(site, url).select_one(".place-note")
    assert (note.get_text() if note else None) == PLACE_NOTES[url]


def test_a_composed_body_is_listed_among_the_bodies(site):
    groups = {h.contents[0].strip(): [a.get_text() for a in h.find_next("ul").select("a")]
              for h in soup_of(site, "tags").select("h2")}
    assert "UBND huyện Văn Yên" in groups["Cơ quan, tổ chức"]
    assert "Văn Yên" in groups["Địa danh"] and "Yên Bái" in groups["Địa danh"]


def test_document_page_lists_citing_articles_newest_first(site):
    soup = soup_of(site, "document/chi-thi-42-ct-tu")
    assert soup.h1.get_text() == "Văn bản: Chỉ thị 42-CT/TU"
    links = [a["href"] for a in soup.select(".article-list h2 a")]
    assert links == ["/2024/05/bai-bien-tap/", f"/{LONG_AN}/"]


def test_article_links_each_cited_document(site):
    soup = soup_of(site, LONG_AN)
    links = {a.get_text(): a["href"] for a in soup.select(".documents a")}
    assert links == {
        "Chỉ thị 42-CT/TU": "/document/chi-thi-42-ct-tu/", "Chỉ thị 22-CT/TU": "/document/chi-thi-22-ct-tu/",
        "Chỉ thị 33-CT/TW": "/document/chi-thi-33-ct-tw/", "Nghị quyết 21-NQ/TW": "/document/nghi-quyet-21-nq-tw/",
    }
    for href in links.values():
        assert (site / href.strip("/") / "index.html").is_file()


def test_an_article_citing_nothing_has_no_documents_section(site):
    assert soup_of(site, "2020/10/dang-bo-khoi-co-quan-va-doanh-nghiep-tinh-an-giang-no-luc-vuot-kho-phan-dau") \
        .select_one(".documents") is None
