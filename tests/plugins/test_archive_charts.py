"""Charts drawn at build time (plugins/archive_structure/timeline.py, partials/charts.html) on the
60-article fixture archive: every count against the articles' own files, every bar's link, the
table alternative, light and dark, A+, and the page keys: a new article changes no article page
beyond its neighbours and related lists, and no tag's front page but its own tags'.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive_fixture import DOCUMENT, EXTRA, read_fields, write_articles
from conftest import ROOT, build_site

COUNT = 60
ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html"


def staged_build(content: Path, site: Path) -> tuple[set[str], set[str]]:
    """Build as `make html` does (into site.new, PUBLISHED_PATH=site, then commit.py): (the pages
    rendered and written, the pages kept because their key did not change)."""
    staging = site.with_name(site.name + ".new")
    result = build_site(content, staging, extra=[*EXTRA, "--cache-path", f"{site}.cache",
                                                 "-e", f'PUBLISHED_PATH="{site}"'])
    assert result.returncode == 0, result.stderr
    written = {str(p.relative_to(staging)) for p in staging.rglob("index.html")}
    kept_file = staging / ".kept"
    kept = set(kept_file.read_text(encoding="utf-8").split()) if kept_file.exists() else set()
    subprocess.run([sys.executable, str(ROOT / "plugins/fast_build/commit.py"), str(staging), str(site)],
                   check=True, cwd=ROOT)
    return written, kept


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    base = tmp_path_factory.mktemp("charts")
    write_articles(base / "content", range(COUNT))
    result = build_site(base / "content", base / "output", extra=EXTRA)
    assert result.returncode == 0, result.stderr
    return base


# --- /archives/ ------------------------------------------------------------------------------

def test_archive_table_and_bars_match_the_articles(archive):
    site, articles = archive / "output", read_fields(archive / "content")
    per_month = Counter((a["date"].year, a["date"].month) for a in articles)
    soup = soup_of(site / "archives/index.html")
    table = {}
    for row in soup.select(".month-table tbody tr"):
        year = int(row.th.get_text())
        cells = [td.get_text() for td in row.find_all("td")]
        assert int(cells[-1]) == sum(per_month[(year, m)] for m in range(1, 13))
        table.update({(year, month): int(cells[month - 1]) for month in range(1, 13)})
    assert {k: v for k, v in table.items() if v} == dict(per_month)
    bars = soup.select(".month-chart .chart-bars a")
    assert len(bars) == len(per_month)
    for bar in bars:
        month, year, count = map(int, re.fullmatch(r"Tháng (\d+)/(\d+): (\d+) bài", bar.title.get_text()).groups())
        assert per_month[(year, month)] == count
        assert bar["href"] == f"/{year}/{month:02d}/" and page(site, bar["href"]).is_file()
        assert bar["tabindex"] == "-1"   # the table holds the same links for the keyboard
    assert soup.select_one(".month-chart .chart-grid")["aria-hidden"] == "true"
    # the month pages the table links to exist, and hold that many articles
    for link in soup.select(".month-table td a"):
        assert len(soup_of(page(site, link["href"])).select(".article-list li")) == int(link.get_text())


# --- a term's page ----------------------------------------------------------------------------

def year_table(soup) -> dict[int, int]:
    return {int(row.th.get_text()): int(row.td.get_text()) for row in soup.select(".year-chart tbody tr")}


@pytest.mark.parametrize("url, member", [
    ("tag/dang-vien/", lambda a: "Đảng viên" in a["tags"]),
    ("author/anh-duong/", lambda a: a["author"] == "Ánh Dương"),
    ("portal/editor/", lambda a: a["portal"] == "editor"),
    ("category/kinh-te/", lambda a: a.get("category") == "Kinh tế"),
])
def test_a_term_front_shows_its_years_and_first_and_last_article(archive, url, member):
    site = archive / "output"
    members = sorted((a for a in read_fields(archive / "content") if member(a)), key=lambda a: a["date"])
    per_year = Counter(a["date"].year for a in members)
    soup = soup_of(page(site, url))
    table = year_table(soup)
    assert {year: count for year, count in table.items() if count} == dict(per_year)
    assert list(table) == list(range(min(per_year), max(per_year) + 1))   # years between shown at 0
    caption = soup.select_one(".year-chart figcaption").get_text(" ", strip=True)
    assert f"Bài đầu tiên: {members[0]['title']}" in caption and f"Bài gần nhất: {members[-1]['title']}" in caption
    for bar in soup.select(".year-chart .chart-bars a"):
        year = int(re.fullmatch(r"Năm (\d+): \d+ bài", bar.title.get_text()).group(1))
        target = soup_of(page(site, bar["href"]))
        years = {int(t["datetime"][:4]) for t in target.select(".article-list time")}
        assert year in years and re.search(r"/page/\d+/$", bar["href"]), (bar["href"], years)
    # numbered pages stay as they were: no chart (it changes with every article of the term)
    assert not soup_of(page(site, url + "page/1/")).select(".year-chart")


def test_a_document_page_names_its_first_and_last_citation(archive):
    site = archive / "output"
    citing = sorted((a for a in read_fields(archive / "content") if DOCUMENT in a["tags"]), key=lambda a: a["date"])
    soup = soup_of(site / "document/chi-thi-42-ct-tu/index.html")
    assert year_table(soup) == dict(Counter(a["date"].year for a in citing))
    caption = soup.select_one(".year-chart figcaption").get_text(" ", strip=True)
    assert f"Dẫn lần đầu: {citing[0]['title']}" in caption and f"Dẫn gần nhất: {citing[-1]['title']}" in caption
    for bar in soup.select(".year-chart .chart-bars a"):
        heading = soup.find(id=bar["href"].lstrip("#"))
        assert heading is not None and heading.get_text().startswith("Năm " + bar["href"][-4:])
        listed = heading.find_next("ol").select("li")
        assert len(listed) == sum(1 for a in citing if a["date"].year == int(bar["href"][-4:]))


# --- in Chromium --------------------------------------------------------------------------

def contrast(one: str, two: str) -> float:
    def luminance(rgb):
        channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


COLOURS = """() => [getComputedStyle(document.querySelector('.chart-bar')).fill,
                    getComputedStyle(document.body).backgroundColor]"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_render_readably_in_light_and_dark(browser, serve, archive, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 800})
    tab = context.new_page()
    base = serve(archive / "output")
    for url in ("archives/", "tag/dang-vien/"):
        tab.goto(f"{base}/{url}")
        fill, background = tab.evaluate(COLOURS)
        assert contrast(fill, background) >= 3, (url, fill, background)   # WCAG 1.4.11, graphics
        assert (background == "rgb(22, 22, 26)") == (scheme == "dark")
        box = tab.locator(".chart-bars").first.bounding_box()
        assert box["width"] > 200 and box["height"] > 20
    context.close()


def test_a_bar_opens_its_month_and_charts_grow_with_the_text(browser, serve, archive):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    base = serve(archive / "output")
    tab.goto(f"{base}/archives/")
    height = tab.locator(".month-chart .chart-bars").first.bounding_box()["height"]
    tab.get_by_role("button", name="Danh mục, cỡ chữ và màu nền").click()
    for _ in range(3):
        tab.get_by_role("button", name="Tăng cỡ chữ").click()
    assert tab.locator("html").get_attribute("data-font") == "3"
    assert tab.locator(".month-chart .chart-bars").first.bounding_box()["height"] > height * 1.4
    assert tab.evaluate("() => document.documentElement.scrollWidth") <= 390
    bar = tab.locator(".month-chart .chart-bars a").first
    href = bar.get_attribute("href")
    bar.click()
    tab.wait_for_url(f"{base}{href}")
    assert tab.locator("h1").inner_text().startswith("Tháng ")
    context.close()


# --- page keys ------------------------------------------------------------------------------

def without_links_to_others(html: bytes) -> str:
    """An article page without what shows other articles: neighbours, related, cited documents."""
    soup = BeautifulSoup(html, "html.parser")
    for part in soup.select(".prev-next, .related, .documents"):
        part.decompose()
    return str(soup)


def test_a_new_article_changes_only_the_pages_that_show_it(tmp_path):
    """With the charts and "this day" in place, one new article changes nothing on an article
    page but its neighbours, related articles and cited documents, and no tag front but its own
    tags'. (fast_build re-renders more than that: a page listing an article that cites a document
    is keyed with the document's every citation; the same pages as before the charts.)"""
    content, site = tmp_path / "content", tmp_path / "site"
    write_articles(content, range(COUNT))
    staged_build(content, site)
    before = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("index.html")}
    new = write_articles(content, [COUNT])[0]
    written, kept = staged_build(content, site)
    for name in (name for name in before if ARTICLE_PAGE.match(name)):
        assert without_links_to_others((site / name).read_bytes()) == without_links_to_others(before[name]), name
    own = {f"tag/{a['href'].strip('/').split('/')[-1]}/index.html"
           for a in soup_of(site / new.relative_path.with_suffix("") / "index.html").select(".tags a")}
    tag_fronts = {name for name in before if re.fullmatch(r"tag/[^/]+/index\.html", name)}
    assert {name for name in tag_fronts if (site / name).read_bytes() != before[name]} == own
    assert own <= written
    assert (site / "archives/index.html").read_bytes() != before["archives/index.html"]   # its chart counts it
    # "this day": the new article's day is written again, the other 365 kept, all published
    days = sorted((site / "this-day").glob("*.json"))
    assert len(days) == 366 and f"this-day/{new.date:%m-%d}.json" not in kept
    assert sum(1 for name in kept if name.startswith("this-day/")) == 365
    assert f'"{new.date:%Y/%m}/{new.slug}/"' in (site / f"this-day/{new.date:%m-%d}.json").read_text(encoding="utf-8")
    # nothing changed: the folder is kept whole, and stays published
    day_files = {path.name: path.read_bytes() for path in days}
    _, kept = staged_build(content, site)
    assert "this-day/" in kept and not [name for name in kept if name.startswith("this-day/") and name != "this-day/"]
    assert {path.name: path.read_bytes() for path in (site / "this-day").glob("*.json")} == day_files
