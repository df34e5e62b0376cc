"""Site structure on a fixture archive of 60 articles over six years (page size 5):
listings resolve, full pages never change, Vietnamese tag order, feeds, sitemap, related."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from archive_fixture import DOCUMENT, EXTRA, PAGE_SIZE, VIETNAMESE_ORDER, write_articles
from conftest import ROOT, build_site

sys.path.insert(0, str(ROOT / "plugins"))  # plugins are top-level packages, as Pelican loads them
from archive_structure.collation import vi_sorted  # noqa: E402
from archive_structure.pagination import stable_pages  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
COUNT = 60
ARTICLE_PATH = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def build(tmp: Path, numbers) -> Path:
    write_articles(tmp / "content", numbers)
    result = build_site(tmp / "content", tmp / "output", extra=EXTRA)
    assert result.returncode == 0, result.stderr
    return tmp / "output"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The archive before and after one newer article arrives."""
    before = build(tmp_path_factory.mktemp("before"), range(COUNT))
    after = build(tmp_path_factory.mktemp("after"), range(COUNT + 1))
    return SimpleNamespace(before=before, after=after)


def numbered_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("page/*/index.html") if "pagefind" not in p.parts)


def items(path: Path) -> list[str]:
    return [a["href"] for a in soup_of(path).select(".article-list h2 a")]


# --- pagination, without Pelican -------------------------------------------------------

def test_pages_are_numbered_from_the_oldest_and_the_front_shows_the_newest():
    arts = [SimpleNamespace(date=day, slug=f"a{day}") for day in range(12)]
    front, *pages = stable_pages(arts, 5, "tag/x/", "{base}page/{number}/")
    assert [p.url for p in pages] == ["tag/x/page/1/", "tag/x/page/2/", "tag/x/page/3/"]
    assert [a.date for a in pages[0].items] == [4, 3, 2, 1, 0]
    assert [p.full for p in pages] == [True, True, False]
    assert [a.date for a in front.items] == [11, 10, 9, 8, 7, 6, 5]
    assert front.url == "tag/x/" and front.older_url == "tag/x/page/1/"
    assert pages[1].newer_url == "tag/x/page/3/" and pages[1].older_url == "tag/x/page/1/"
    # Exactly full: the open page exists, empty, so the last full page's "newer" link never dangles.
    front, *pages = stable_pages(arts[:10], 5, "", "{base}page/{number}/")
    assert [len(p.items) for p in pages] == [5, 5, 0]
    assert pages[1].newer_url == "page/3/"


def test_vietnamese_collation_orders_letters_then_tones():
    tones = ["Họa", "Hóa", "Hõa", "Hỏa", "Hòa", "Hoa"]
    assert vi_sorted(tones) == ["Hoa", "Hòa", "Hỏa", "Hõa", "Hóa", "Họa"]
    letters = ["Ưu", "Uy", "Đa", "Dê", "Âm", "Ăn", "An", "Ơn", "Ôm", "Om", "Êm", "Em"]
    assert vi_sorted(letters) == ["An", "Ăn", "Âm", "Dê", "Đa", "Em", "Êm", "Om", "Ôm", "Ơn", "Uy", "Ưu"]


# --- the built fixture site --------------------------------------------------------------

def test_full_listing_pages_are_byte_identical_after_a_new_article(sites):
    compared = 0
    for path in numbered_pages(sites.before):
        if len(items(path)) != PAGE_SIZE:
            continue
        relative = path.relative_to(sites.before)
        assert (sites.after / relative).read_bytes() == path.read_bytes(), relative
        compared += 1
    # home, tags, categories, authors and portals all have full pages in this fixture
    assert compared >= 40, compared
    kinds = {p.relative_to(sites.before).parts[0] for p in numbered_pages(sites.before)}
    assert {"page", "tag", "category", "author", "portal"} <= kinds


def test_the_new_article_is_first_on_the_front_pages(sites):
    newest = "/2024/10/bai-so-60/"
    assert items(sites.after / "index.html")[0] == newest
    assert newest not in items(sites.before / "index.html")
    front_count = len(items(sites.after / "index.html"))
    assert PAGE_SIZE <= front_count < 2 * PAGE_SIZE


def test_every_article_is_on_exactly_one_numbered_home_page(sites):
    seen = [href for path in sites.before.glob("page/*/index.html") for href in items(path)]
    assert len(seen) == COUNT == len(set(seen))


def test_every_listing_url_resolves(sites):
    site = sites.before
    expected = ["index.html", "archives/index.html", "tags/index.html", "categories/index.html",
                "authors/index.html", "portals/index.html", "404.html", "robots.txt", "sitemap.xml",
                "portal/tinhuy-longan/index.html", "portal/editor/index.html",
                "category/xay-dung-dang/index.html", "author/anh-duong/index.html",
                "tag/dang-vien/index.html", "tag/chi-thi-42-ct-tu/page/1/index.html",
                "feeds/all.atom.xml", "feeds/category/kinh-te.atom.xml", "feeds/tag/uu-dai.atom.xml"]
    expected += [f"{year}/index.html" for year in range(2019, 2025)]
    expected += ["2019/01/index.html", "2024/08/index.html"]
    missing = [url for url in expected if not (site / url).is_file()]
    assert not missing


def test_zero_broken_internal_links(sites):
    site, broken, checked = sites.before, [], 0
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        for element in soup_of(path).select("a[href], link[href], script[src], form[action]"):
            url = element.get("href") or element.get("src") or element.get("action")
            parsed = urlparse(url)
            if parsed.scheme or url.startswith("#"):
                continue
            target = site / unquote(parsed.path).lstrip("/")
            if parsed.path.endswith("/"):
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append((str(path.relative_to(site)), url))
    assert checked > 1000
    assert not broken, broken[:10]


def test_tag_index_is_in_vietnamese_order(sites):
    soup = soup_of(sites.before / "tags" / "index.html")
    other = next(s for s in soup.select("section") if s.h2.get_text().startswith("Khác"))
    names = [a.get_text() for a in other.select("li a")]
    assert names == VIETNAMESE_ORDER
    assert sorted(VIETNAMESE_ORDER) != VIETNAMESE_ORDER  # code-point order would be wrong
    documents = next(s for s in soup.select("section") if s.h2.get_text().startswith("Văn bản"))
    assert [a.get_text() for a in documents.select("li a")] == [DOCUMENT]


def test_feeds_parse_and_hold_the_latest_fifty(sites):
    site = sites.after
    feeds = list((site / "feeds").rglob("*.atom.xml"))
    assert len(feeds) >= 15
    for feed in feeds:
        ET.parse(feed)
    entries = ET.parse(site / "feeds/all.atom.xml").getroot().findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert entries[0].find(f"{ATOM}link").get("href").endswith("/2024/10/bai-so-60/")
    category = ET.parse(site / "feeds/category/kinh-te.atom.xml").getroot()
    assert category.findall(f"{ATOM}entry")


def test_sitemap_lists_every_article_and_listing(sites):
    site = sites.before
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = {urlparse(loc.text).path.lstrip("/") for loc in root.iter(f"{SITEMAP_NS}loc")}
    articles = [p for p in site.rglob("index.html") if ARTICLE_PATH.match(str(p.relative_to(site)))]
    assert len(articles) == COUNT
    for article in articles:
        assert str(article.parent.relative_to(site)) + "/" in locs
    assert "tag/dang-vien/page/1/" in locs and "portal/editor/" in locs
    assert "404.html" not in locs


def test_related_articles_share_a_tag(sites):
    site = sites.before
    checked = 0
    for article in site.glob("20*/*/bai-so-*/index.html"):
        soup = soup_of(article)
        own = {a.get_text() for a in soup.select(".tags a")}
        related = [a["href"] for a in soup.select(".related a")]
        assert related, article
        for href in related:
            other = soup_of(site / href.strip("/") / "index.html")
            assert own & {a.get_text() for a in other.select(".tags a")}, (article, href)
            checked += 1
    assert checked >= COUNT


def test_article_page_structure(sites):
    soup = soup_of(sites.before / "2019/01/bai-so-0/index.html")
    assert soup.find("time").get_text() == "Thứ Năm, 03/01/2019 07:30"
    assert [a.get_text() for a in soup.select(".breadcrumb a")][:2] == ["Trang chủ", "Xây dựng Đảng"]
    assert re.fullmatch(r"\d+ phút đọc", soup.select_one(".reading-time").get_text())
    assert soup.select_one("a[rel=next]")["href"] == "/2019/02/bai-so-1/"
    assert [a.get_text() for a in soup.select(".documents a")] == [DOCUMENT]


def test_related_lists_are_reused_until_a_date_slug_or_tag_changes(tmp_path, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from archive_structure import related

    class Tag:
        def __init__(self, name):
            self.name = name

    class Item:
        def __init__(self, number):
            self.slug, self.date = f"bai-{number}", datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(days=number)
            self.tags = [Tag(f"t{number % 3}"), Tag(f"t{number % 5 + 3}")]

    items = [Item(number) for number in range(40)]
    store, computed = tmp_path / "related.json", []
    score = related._related   # counted below; compute() is the same lists, not counted

    def compute(articles, count, window):
        return score(related.chronological(articles), count, window)

    monkeypatch.setattr(related, "_related", lambda *args: computed.append(1) or score(*args))
    first = related.remembered_related(items, 5, 10, store)
    again = related.remembered_related(items, 5, 10, store)
    assert len(computed) == 1 and again == first == compute(items, 5, 10)
    items[7].tags.append(Tag("t9"))
    assert related.remembered_related(items, 5, 10, store) == compute(items, 5, 10) and len(computed) == 2
    # A process that builds again (make devserver) reuses its own last lists, file or not ...
    assert related.remembered_related(items, 5, 10, tmp_path / "other.json", reuse=False) \
        and len(computed) == 2
    # ... and a fresh one told not to reuse the file (pelican --ignore-cache) computes them.
    related._IN_PROCESS.clear()
    assert related.remembered_related(items, 5, 10, store, reuse=False) and len(computed) == 3
