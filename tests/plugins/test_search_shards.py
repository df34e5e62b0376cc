"""Only the shards that can answer are asked; exact document numbers and quoted names; "not found" at once.

The fixture archive of test_search_browser (five raw samples, five corpus articles, one shard per
year 2017-2025, the newest four also in "recent"), searched in headless Chromium; each test watches
which index files the page fetches.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlparse

import pytest

from conftest import archive_search
from test_search_browser import search_site  # noqa: F401  (the same fixture archive, built for this module)

LONG_AN = "Tăng cường công tác xây dựng tổ chức đảng"   # cites Chỉ thị 42-CT/TU (2022)
APART = "Bộ trưởng Nguyễn Ngọc Thiện"                   # 2024
DA_NANG_FOLDED = "Hải quân Mỹ"                          # "Tomahawk", 2018 only


@pytest.fixture(scope="module")
def site(search_site):
    return search_site


@pytest.fixture()
def open_search(browser, serve, site):
    """open_search(query) -> (titles listed, status text, index files fetched), in a cold browser."""
    base = serve(site)
    contexts = []

    def run(query: str):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        fetched = []
        page.on("request", lambda request: fetched.append(urlparse(request.url).path))
        page.goto(f"{base}/search/?q={quote(query)}")
        page.wait_for_selector("#search-results[data-state=done]", state="attached", timeout=20000)
        titles = page.locator("#search-results li h2 a").all_inner_texts()
        status = page.locator("#search-status").inner_text()
        return titles, status, [path for path in fetched if path.startswith("/pagefind/")], page

    yield run
    for context in contexts:
        context.close()


def shards_asked(fetched) -> set[str]:
    """Year shards whose metadata or word chunks the page fetched."""
    return {m.group(1) for path in fetched if (m := re.match(r"/pagefind/(\d{4})/.*\.pf_(meta|index)$", path))}


@pytest.mark.parametrize("query", ["qxzvbnmk", "Đzzqxw", "67/2014/NĐ-CP", "tajikistan uzbekistan"])
def test_what_no_article_holds_is_not_found_without_asking_a_shard(open_search, query):
    titles, status, fetched, _ = open_search(query)
    assert titles == [] and status.startswith("Không tìm thấy"), (titles, status)
    assert shards_asked(fetched) == set(), fetched
    # Only the first tier is asked (while the directory is read), and its answer is not shown.
    assert all(path.startswith("/pagefind/recent/") for path in fetched if path.endswith(".pf_index")), fetched


def test_a_rare_word_asks_only_the_shard_holding_it(open_search):
    titles, _, fetched, _ = open_search("Tomahawk")
    assert titles and all(DA_NANG_FOLDED in t for t in titles), titles
    assert shards_asked(fetched) == {"2018"}, fetched


def test_a_common_word_asks_every_shard_holding_it_and_the_first_results_come_first(open_search, site):
    import json

    titles, _, fetched, page = open_search("tỉnh")
    manifest = json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert len(titles) > 3
    assert shards_asked(fetched) <= {s["key"] for s in manifest["shards"]}
    answers = page.evaluate("""async () => {
      const { Archive } = await import('/theme/js/search-engine.js');
      const archive = new Archive('/pagefind/shards.json', '/');
      const out = [];
      for await (const answer of archive.search('tỉnh')) out.push([answer.done, answer.total]);
      return out;
    }""")
    assert answers[0][0] is False and answers[0][1] > 0 and answers[-1][0] is True, answers


@pytest.mark.parametrize("query", ["Chỉ thị 42-CT/TU", "42-CT/TU", "chỉ thị số 42 - ct/tu", '"42-CT/TU"'])
def test_a_document_number_finds_exactly_the_articles_citing_it(open_search, query):
    titles, status, _, _ = open_search(query)
    assert len(titles) == 1 and LONG_AN in titles[0], (query, titles, status)


def test_a_document_number_in_no_article_offers_the_nearest_real_ones_never_as_results(open_search):
    titles, status, fetched, page = open_search("Chỉ thị 43-CT/TU")
    assert titles == [] and status.startswith("Không tìm thấy"), status
    offered = page.locator("#search-status .search-suggest a").all_inner_texts()
    assert offered and offered[0] == "“Chỉ thị 42-CT/TU”", offered
    assert not any("Nghị quyết" in name for name in offered), offered   # another type, another code
    assert shards_asked(fetched) == set(), fetched
    page.locator("#search-status .search-suggest a").first.click()
    page.wait_for_selector("#search-results[data-state=done] li", state="attached", timeout=20000)
    assert LONG_AN in page.locator("#search-results li h2 a").first.inner_text()


def test_a_quoted_name_finds_only_the_name_as_written(open_search):
    titles, _, _, _ = open_search('"Nguyễn Ngọc Thiện"')
    assert len(titles) == 1 and APART in titles[0], titles
    assert open_search('"Ngọc Nguyễn Thiện"')[0] == []
    assert open_search('"Nguyễn Ngọc Thi"')[0] == []   # whole words: no prefix
    assert open_search('"nguyen ngoc thien"')[0] == titles


def test_folded_words_find_every_page_whose_text_holds_them(browser, serve, site):
    """Recall against the pages' own text: five words of each article, typed without diacritics."""
    import gzip
    import json

    from newsarchive.vietnamese import fold

    pages = {}
    for fragment in (site / "pagefind").glob("20*/fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[12:])
        pages[data["url"]] = data["content"].split("\u2042")[0]
    page = browser.new_page()
    page.goto(serve(site) + "/search/")
    missed = []
    for url, text in sorted(pages.items()):
        words = [w for w in re.findall(r"\w{5,}", text) if not w.isdigit()][::7][:5]
        for word in words:
            found = {hit["url"] for hit in archive_search(page, fold(word))}
            if url not in found:
                missed.append((url, word))
    page.close()
    assert not missed, missed
