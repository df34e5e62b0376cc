"""The search page in headless Chromium over the real, sharded Pagefind index.

The fixture archive: the five ingested raw samples (2017-2023) and five corpus
articles (tests/fixtures/search, 2018-2025), eight year shards; the newest four
articles also form the "recent" index, so every search runs in two tiers.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from urllib.parse import parse_qs, quote, urlparse

import pytest

from conftest import FIXTURES, build_site, ingest_fixtures

CAM_LE = "Quận ủy Cẩm Lệ tổ chức tọa đàm"
LDLD = "Ban Thường vụ Liên đoàn Lao động tỉnh"
LONG_AN = "Tăng cường công tác xây dựng tổ chức đảng"
KHOI = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh An Giang"
DA_NANG = "Xôn xao cá trê vàng"          # "Đà Nẵng"
DA_NANG_FOLDED = "Hải quân Mỹ"           # "đa năng" only
TOGETHER = "Chủ tịch Hà Nội"              # "hội nghị"
APART = "Bộ trưởng Nguyễn Ngọc Thiện"     # "hội" ... "nghị"
HOA = "Cận cảnh cao thủ Nhật"             # "hoà" (old tone placement)

# (query string as typed in the address bar, words of a title that must be in the top 10)
TOP_TEN = [
    ("q=quan uy cam le", CAM_LE),                      # no diacritics
    ("q=dang bo khoi", KHOI),                          # đ typed as d
    ("q=lien doan lao dong", LDLD),                    # đ as d, four syllables
    ("q=toạ đàm", CAM_LE),                             # old tone placement for "tọa"
    ("q=hài hoà", CAM_LE),                             # old placement, text has "hòa"
    ("q=hòa", HOA),                                    # new placement, text has "hoà"
    ("q=Tỉnh uỷ", LONG_AN),                            # "uỷ" for "ủy"
    ("q=LIÊN ĐOÀN LAO ĐỘNG", LDLD),                    # capitals
    ("q=CAM LE", CAM_LE),                              # capitals, no diacritics
    ("q=42-CT/TU", LONG_AN),                           # document number
    ("q=42-ct/tu", LONG_AN),
    ('q="to chuc dang"', LONG_AN),                     # quoted phrase, folded
    ('q="Liên đoàn Lao động"', LDLD),                  # quoted phrase, exact
    ("q=da nang", DA_NANG),                            # folded place name
    ("q=dang&year=2017&portal=Quận ủy Cẩm Lệ", CAM_LE),  # filter combination
    ("q=hoi nghi&sort=newest", TOGETHER),
]

# (query, title that must rank above, title that must rank below)
ABOVE = [
    ("Đà Nẵng", DA_NANG, DA_NANG_FOLDED),   # exact diacritics above the folded match "đa năng"
    ("hội nghị", TOGETHER, APART),          # syllables together above apart
    ("hoi nghi", TOGETHER, APART),
]


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("search-site")
    ingest_fixtures(base / "content")
    shutil.copytree(FIXTURES / "search" / "articles", base / "content" / "articles", dirs_exist_ok=True)
    result = build_site(base / "content", base / "output", extra=["-e", 'PAGEFIND={"recent_pages": 4}'])
    assert result.returncode == 0, result.stderr
    return base / "output"


@pytest.fixture(scope="module")
def search_page(browser, serve, search_site):
    base = serve(search_site)
    page = browser.new_page()
    yield base, page
    page.close()


def open_search(page, base, query_string):
    page.goto(f"{base}/search/?{query_string.replace(' ', '+')}")
    return results(page)


def results(page) -> list[str]:
    page.wait_for_selector("#search-results[data-state=done]", state="attached", timeout=20000)
    return page.locator("#search-results li h2 a").all_inner_texts()


def test_the_fixture_archive_is_sharded(search_site):
    import json

    manifest = json.loads((search_site / "pagefind/shards.json").read_text(encoding="utf-8"))
    assert manifest["recent"]["pages"] == 4
    assert [s["key"] for s in manifest["shards"]] == ["2025", "2024", "2023", "2022", "2021", "2020", "2019",
                                                      "2018", "2017"][:len(manifest["shards"])]
    assert sum(s["pages"] for s in manifest["shards"]) == 10


@pytest.mark.parametrize("query_string, expected", TOP_TEN)
def test_reader_query_finds_the_article_in_the_top_ten(search_page, query_string, expected):
    base, page = search_page
    found = open_search(page, base, query_string)
    assert any(expected in title for title in found[:10]), (query_string, found)


@pytest.mark.parametrize("query, above, below", ABOVE)
def test_ranking(search_page, query, above, below):
    base, page = search_page
    found = open_search(page, base, f"q={quote(query)}")
    rank = {key: next((i for i, t in enumerate(found) if key in t), None) for key in (above, below)}
    assert rank[above] is not None and rank[below] is not None, found
    assert rank[above] < rank[below], found


def test_quoted_phrase_keeps_only_syllables_together(search_page):
    base, page = search_page
    found = open_search(page, base, "q=" + quote('"hội nghị"'))
    assert any(TOGETHER in t for t in found) and not any(APART in t for t in found), found


def test_filter_combination_narrows_results_and_lives_in_the_url(search_page):
    base, page = search_page
    found = open_search(page, base, "q=dang")
    assert len(found) > 1
    page.locator("#search-facets input[name=portal][value='Quận ủy Cẩm Lệ']").check()
    narrowed = results(page)
    sources = page.locator("#search-results li .meta").all_inner_texts()
    assert any(CAM_LE in t for t in narrowed) and len(narrowed) < len(found), narrowed
    assert all(s.endswith("Quận ủy Cẩm Lệ") for s in sources), sources
    assert "portal=Qu" in page.url
    labels = page.locator("#search-facets fieldset").all_inner_texts()
    assert any(text.startswith("Năm") and "2017" in text for text in labels), labels


def test_newest_sort_orders_by_date(search_page):
    base, page = search_page
    open_search(page, base, "q=dang&sort=newest")
    dates = [re.search(r"\d{2}/\d{2}/\d{4}", m).group(0)
             for m in page.locator("#search-results li .meta").all_inner_texts()]
    parsed = [datetime.strptime(d, "%d/%m/%Y") for d in dates]
    assert len(parsed) > 2 and parsed == sorted(parsed, reverse=True), dates


def test_excerpts_highlight_and_never_show_the_folded_copy(search_page, search_site):
    base, page = search_page
    open_search(page, base, "q=dang uy")
    summaries = page.locator("#search-results li .summary").all_inner_texts()
    marks = page.locator("#search-results li .summary mark").all_inner_texts()
    assert summaries and marks
    assert {m.lower() for m in marks} & {"đảng", "ủy"}, marks
    folded_only = {"dảng", "Dảng", "doàn", "Doàn", "dộng", "dã", "dến"}  # forms only the hidden copy holds
    for text in summaries:
        assert "\u2042" not in text
        assert not folded_only & set(re.findall(r"\w+", text)), text


def test_no_results_suggests_the_folded_query(search_page):
    base, page = search_page
    assert open_search(page, base, f"q={quote('Đzzqxw')}") == []
    status = page.locator("#search-status")
    assert "Không tìm thấy" in status.inner_text()
    assert status.locator("a", has_text="dzzqxw").count() == 1


def test_keyboard_navigation(search_page):
    base, page = search_page
    found = open_search(page, base, "q=dang")
    assert len(found) >= 2
    page.locator("#search-input").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == found[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == found[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "search-input"
    page.locator("#search-results li h2 a").first.focus()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-input"


def test_typing_updates_results_and_url(search_page):
    base, page = search_page
    page.goto(f"{base}/search/")
    page.fill("#search-input", "cam le")
    # A URL predicate, not wait_for_function: the page's CSP forbids evaluating a string.
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("q") == ["cam le"])
    assert any("Cẩm Lệ" in t for t in results(page))


def test_search_box_on_every_page_lands_on_search(search_page):
    base, page = search_page
    page.goto(f"{base}/tags/")
    page.fill("#site-search", "lien doan lao dong")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert any("Liên đoàn Lao động" in t for t in results(page))


def test_result_links_open_the_article(search_page):
    base, page = search_page
    open_search(page, base, f"q={quote('Cẩm Lệ')}")
    page.locator("#search-results li h2 a", has_text="Cẩm Lệ").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Quận ủy Cẩm Lệ")


def test_nonsense_query_says_nothing_found(search_page):
    base, page = search_page
    assert open_search(page, base, "q=zzqxw") == []
    assert "Không tìm thấy" in page.locator("#search-status").inner_text()


def test_the_search_page_loads_its_index_before_the_reader_types(browser, serve, search_site):
    """Preloaded scripts and shard list resolve; the first tier's index opens while the box is empty."""
    base = serve(search_site)
    context = browser.new_context()
    page = context.new_page()
    responses, requested = {}, []
    page.on("response", lambda response: responses.setdefault(urlparse(response.url).path, response.status))
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    page.goto(f"{base}/search/", wait_until="networkidle")
    preloads = page.eval_on_selector_all("link[rel=modulepreload], link[rel=preload][as=fetch]",
                                         "links => links.map((l) => new URL(l.href).pathname)")
    assert {"/pagefind/pagefind.js", "/pagefind/shards.json"} <= set(preloads)
    # The first tier's WebAssembly and metadata, named by the index, are preloaded too, and
    # Pagefind's own fetches use the preloaded responses (each file is requested once).
    assert any(p.startswith("/pagefind/recent/wasm.") for p in preloads), preloads
    assert any(p.startswith("/pagefind/recent/pagefind.") and p.endswith(".pf_meta") for p in preloads), preloads
    assert all(responses.get(path) == 200 and requested.count(path) == 1 for path in preloads), (preloads, requested)
    assert responses.get("/pagefind/recent/pagefind-entry.json") == 200, sorted(responses)
    assert not any(path.endswith(".pf_index") for path in responses)   # no query yet: no word index
    page.fill("#search-input", "cam le")
    page.press("#search-input", "Enter")
    assert any("Cẩm Lệ" in t for t in results(page))
    context.close()


@pytest.mark.parametrize("query, expected", [("Tomahawk", DA_NANG_FOLDED), ("tomahawk", DA_NANG_FOLDED),
                                             ("Uzbekistan", HOA)])
def test_a_rare_word_finds_its_article_not_another_shards_prefix_noise(search_page, query, expected):
    """Pagefind answers a word a shard lacks with its longest prefix ("tomahawk" -> "to"): the other
    shards' "tổ", "tỏ" ... must not fill the list (or outrank the one article that has the word)."""
    base, page = search_page
    found = open_search(page, base, f"q={quote(query)}")
    assert found and all(expected in title for title in found), found
