"""A real Pelican build of the ingested samples: URLs, pages, feeds, sitemap, links."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import build_site, ingest_fixtures

ATOM = "{http://www.w3.org/2005/Atom}"
LONG_AN = "2023/01/tang-cuong-cong-tac-xay-dung-to-chuc-dang-to-chuc-chinh-tri-xa-hoi-trong-cac"
AN_GIANG = "2019/07/nang-cao-vai-tro-lanh-dao-truc-tiep-toan-dien-cua-cap-uy-dang-trong-cac-co-quan"


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html" if not url.endswith((".xml", ".html")) else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


@pytest.mark.parametrize("url", [
    LONG_AN, AN_GIANG, "tag/an-giang", "tag/chi-thi-42-ct-tu", "tags", "category/thong-tin-chi-dao-cap-uy",
    "categories", "author/cong-mao", "author/thu-thao", "authors", "2019", "2019/07", "archives", "search",
    "feeds/all.atom.xml", "feeds/tag/an-giang.atom.xml", "sitemap.xml", "pagefind/pagefind.js", "index.html",
])
def test_every_documented_url_is_written(sample_site, url):
    path = sample_site / url if "." in url.rsplit("/", 1)[-1] else sample_site / url / "index.html"
    assert path.is_file(), url


def test_every_page_is_vietnamese(sample_site):
    for path in html_pages(sample_site):
        assert page(sample_site, str(path.relative_to(sample_site))).html["lang"] == "vi", path


def test_article_page(sample_site):
    soup = page(sample_site, LONG_AN)
    h1s = soup.find_all("h1")
    assert [h.get_text() for h in h1s] == [
        "Tăng cường công tác xây dựng tổ chức đảng, tổ chức chính trị - xã hội trong các doanh nghiệp ngoài nhà nước"]
    time = soup.find("time")
    assert time["datetime"] == "2023-01-12T19:20:06+07:00"
    assert time.get_text() == "Thứ Năm, 12/01/2023 19:20"
    assert soup.select_one("a.author")["href"] == "/author/th-vptu/"
    assert "Tỉnh ủy Long An" in soup.select_one(".portal").get_text()
    tags = [a.get_text() for a in soup.select(".tags a")]
    assert "Chỉ thị 42-CT/TU" in tags and "Long An" in tags
    body = soup.select_one("[data-pagefind-body]")
    assert body.select_one('[data-pagefind-filter="year"]').get_text() == "2023"
    assert body.select_one('[data-pagefind-sort="date"]').get_text() == "2023-01-12T19:20:06+07:00"
    assert soup.select('[data-pagefind-filter="tag"]')
    assert soup.select_one(".breadcrumb a[href='/category/thong-tin-chi-dao-cap-uy/']")


def test_dates_need_no_os_locale(sample_site):
    soup = page(sample_site, AN_GIANG)
    assert soup.find("time").get_text() == "Thứ Ba, 16/07/2019"


def test_only_articles_are_indexed(sample_site):
    for path in html_pages(sample_site):
        indexed = "data-pagefind-body" in path.read_text(encoding="utf-8")
        is_article = re.match(r"\d{4}/\d{2}/[^/]+/index\.html$", str(path.relative_to(sample_site)).replace("\\", "/"))
        assert indexed == bool(is_article), path


def test_no_broken_internal_link_and_no_foreign_asset(sample_site):
    broken, foreign = [], []
    for path in html_pages(sample_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action")):
            for element in soup.find_all(tag):
                url = element.get(attr)
                if not url or url.startswith(("#", "mailto:")):
                    continue
                parsed = urlparse(url)
                if parsed.scheme or parsed.netloc:
                    foreign.append((path, url))
                    continue
                target = sample_site / unquote(parsed.path).lstrip("/")
                if parsed.path.endswith("/"):
                    target = target / "index.html"
                if not target.exists():
                    broken.append((str(path.relative_to(sample_site)), url))
    assert not broken
    assert not foreign


def test_feeds_parse_and_list_articles(sample_site):
    feed = ET.parse(sample_site / "feeds/all.atom.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == 5
    tag_feed = ET.parse(sample_site / "feeds/tag/chi-thi-42-ct-tu.atom.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in tag_feed.findall(f"{ATOM}entry")]
    assert titles == ["Tăng cường công tác xây dựng tổ chức đảng, tổ chức chính trị - xã hội trong các doanh nghiệp ngoài nhà nước"]


def test_sitemap_lists_every_article(sample_site):
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    for article in sample_site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"):
        assert str(article.parent.relative_to(sample_site)) + "/" in sitemap


def test_broken_article_stops_the_build_with_path_and_line(tmp_path):
    content = tmp_path / "content"
    ingest_fixtures(content)
    bad = content / "articles" / "2024" / "05" / "bai-loi.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("---\ntitle: Bài lỗi\ndate: 2024-02-30\ntags: []\nportal: editor\nslug: bai-loi\n---\n\nNội dung.\n",
                   encoding="utf-8")
    result = build_site(content, tmp_path / "output")
    assert result.returncode != 0
    assert re.search(r"bai-loi\.md:3: ngày đăng không hợp lệ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_publish_settings_give_absolute_canonical_urls(tmp_path):
    content = tmp_path / "content"
    ingest_fixtures(content)
    result = build_site(content, tmp_path / "output", conf="publishconf.py")
    assert result.returncode == 0, result.stderr
    soup = page(tmp_path / "output", AN_GIANG)
    assert soup.find("link", rel="canonical")["href"].startswith("https://")
