"""The fixture mirror ingested, then built by real Pelican: the photos are captioned figures with their
WebP copies, the attached document is listed under the article and published, `check` finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site
from newsarchive import check
from newsarchive.cli import main

import mirror


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("media-build")
    source = base / "in"
    mirror.nghean_browser_save(source / "nghean")
    mirror.angiang_mirror(source, mirror.picture(shade=1))
    mirror.hanoi_mirror(source)
    content = base / "content"
    assert main(["ingest", str(source), "--content", str(content / "articles")]) == 0
    result = build_site(content, base / "output")
    assert result.returncode == 0, result.stderr
    return content, base / "output", result


def _page(output: Path, prefix: str) -> BeautifulSoup:
    [path] = [p for p in output.glob(f"{prefix}*/index.html")]
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_photos_are_captioned_figures(site):
    _, output, result = site
    assert "cảnh báo: ảnh" not in result.stderr + result.stdout
    page = _page(output, "2021/09/benh-vien-da-khoa")
    figures = page.select("article .content figure.photo")
    captions = [f.figcaption.get_text() for f in figures]
    assert captions == [mirror.NGHEAN_CAPTION + " Ảnh: Đức Anh",
                        "Người dân xếp hàng chờ tiêm tại Trường Cao đẳng Việt - Đức. Ảnh: Đức Anh"]
    for figure in figures:
        img = figure.find("img")
        assert (output / img["src"].lstrip("/")).is_file() and img["width"] and img["height"]
        assert figure.find("source", type="image/webp")
    # The photo the page did not save: its caption only, no picture of the old site.
    body = page.select_one("article .content")
    assert "Giấy xác nhận tiêm chủng có mã QR. Ảnh: Đinh Nguyệt" in body.get_text()
    assert not [img for img in body.find_all("img") if "1cdn.vn" in img.get("src", "")]
    assert page.find("meta", property="og:image")["content"].endswith(".jpg")


def test_a_link_between_mirror_pages_leads_to_the_article(site):
    _, output, _ = site
    link = _page(output, "2023/06/ly-do-khong-nen").find("a", string=mirror.LINK_TEXT)
    assert link["href"].rstrip("/").endswith("2021/09/benh-vien-da-khoa-thanh-pho-vinh-tiem-vac-xin-covid-19-an-toan-cho-cong-dong")
    assert (output / link["href"].strip("/") / "index.html").is_file()


def test_the_attached_document_is_listed_and_published(site):
    content, output, _ = site
    page = _page(output, "2012/12/huong-dan-xay-dung")
    section = page.select_one("section.attachments")
    assert section.h2.get_text() == "Văn bản đính kèm"
    first, second = section.find_all("li")
    link = first.find("a")
    assert link.get_text() == "Phần 1" and "(Word, 512 byte)" in first.get_text()
    assert (output / link["href"].lstrip("/")).read_bytes() == mirror.OLE
    assert second.find("a") is None and "bản lưu không có tệp này" in second.get_text()
    assert check.run(content=content).findings == []


def test_an_attached_document_the_tags_cite_links_its_document_page(site):
    _, output, _ = site
    page = _page(output, "2023/06/ly-do-khong-nen")
    [item] = page.select("section.attachments li")
    assert item.find("a")["download"] is not None and "(PDF, " in item.get_text()
    cited = item.find("a", class_="cited")
    assert cited.get_text() == f"các bài dẫn {mirror.DOCUMENT}"
    assert (output / cited["href"].strip("/") / "index.html").is_file()
