"""The search page in headless Chromium over the real Pagefind index."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

CASES = [
    # (query as typed, words of the title that must come back)
    ("lien doan lao dong", "Ban Thường vụ Liên đoàn Lao động tỉnh"),
    ("Liên đoàn Lao động", "Ban Thường vụ Liên đoàn Lao động tỉnh"),
    ("quận ủy cẩm lệ", "Quận ủy Cẩm Lệ tổ chức tọa đàm"),
    ("quan uy cam le", "Quận ủy Cẩm Lệ tổ chức tọa đàm"),
    ("42-CT/TU", "Tăng cường công tác xây dựng tổ chức đảng"),
    ("dang bo khoi", "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh An Giang nỗ lực"),
]


@pytest.fixture(scope="module")
def search_page(browser, serve, sample_site):
    base = serve(sample_site)
    page = browser.new_page()
    yield base, page
    page.close()


def titles(page) -> list[str]:
    # A locator assertion, not wait_for_function: the page's CSP forbids eval of a string.
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^(Tìm thấy|Không)"), timeout=15000)
    return page.locator("#search-results li h2 a").all_inner_texts()


@pytest.mark.parametrize("query, expected", CASES)
def test_deep_link_finds_the_article(search_page, query, expected):
    base, page = search_page
    page.goto(f"{base}/search/?q={quote(query)}")
    found = titles(page)
    assert any(expected in title for title in found), (query, found)


def test_typing_updates_results_and_url(search_page):
    base, page = search_page
    page.goto(f"{base}/search/")
    page.fill("#search-input", "cam le")
    assert any("Cẩm Lệ" in t for t in titles(page))
    assert "q=cam+le" in page.url or "q=cam%20le" in page.url


def test_search_box_on_every_page_lands_on_search(search_page):
    base, page = search_page
    page.goto(f"{base}/tags/")
    page.fill("#site-search", "lien doan lao dong")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert any("Liên đoàn Lao động" in t for t in titles(page))


def test_result_links_open_the_article(search_page):
    base, page = search_page
    page.goto(f"{base}/search/?q={quote('Cẩm Lệ')}")
    titles(page)
    page.locator("#search-results li h2 a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Quận ủy Cẩm Lệ")


def test_nonsense_query_says_nothing_found(search_page):
    base, page = search_page
    page.goto(f"{base}/search/?q=zzqxw")
    assert titles(page) == []
    assert "Không tìm thấy" in page.locator("#search-status").inner_text()
