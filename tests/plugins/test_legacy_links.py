"""plugins/legacy_links on real `make html` builds: _redirects from source_url (on LEGACY_HOSTS) and
aliases, a page at each old path that sends the reader on (followed in Chromium), an address two
articles claim warned about at its line, the site's own paths never overwritten, the "Bản gốc" link."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from test_fast_build_reuse import make_html

HOSTS = 'LEGACY_HOSTS=["cu.example.gov.vn"]'


def article(slug: str, day: int, extra: str) -> str:
    return (f"---\ntitle: Bài {slug}\ndate: 2024-05-{day:02d}T08:00:00+07:00\ntags: []\nportal: editor\n"
            f"slug: {slug}\n{extra}---\n\nNội dung bài {slug} đủ dài để đọc.\n")


ARTICLES = {
    "mot": article("mot", 1, "source_url: https://cu.example.gov.vn/tin-tuc/mot-123.html\n"
                             'aliases: [/tin-cu/mot/, "https://cu.example.gov.vn/index.php?p=123&lang=vi"]\n'),
    "hai": article("hai", 2, "source_url: https://noi-khac.example.vn/hai.html\naliases:\n  - /tin-cu/mot/\n"
                             "  - /tag/hoi-nghi/\n  - /thu-muc/bai\n"),
    "ba": article("ba", 3, "source_url: https://cu.example.gov.vn/Pages/ba.aspx?ItemID=7\n"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("legacy")
    for slug, text in ARTICLES.items():
        path = base / "content" / "articles" / "2024" / "05" / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    log = make_html(base / "content", base / "output", HOSTS)
    return base, base / "output", log


def test_redirects_file(site):
    _, output, _ = site
    assert (output / "_redirects").read_text(encoding="utf-8").splitlines() == [
        "/Pages/ba.aspx ItemID=7 /2024/05/ba/ 301",
        "/index.php p=123 lang=vi /2024/05/mot/ 301",
        "/tag/hoi-nghi/ /2024/05/hai/ 301",
        "/thu-muc/bai /2024/05/hai/ 301",
        "/tin-cu/mot/ /2024/05/hai/ 301",       # claimed by both: the newest keeps it
        "/tin-tuc/mot-123.html /2024/05/mot/ 301",
    ]


def test_an_address_claimed_twice_is_warned_at_its_line(site):
    _, _, log = site
    assert "content/articles/2024/05/mot.md:8: cảnh báo: địa chỉ cũ /tin-cu/mot/ đã chuyển đến bài" in " ".join(log.split())


def test_pages_at_old_paths_send_the_reader_on(site, serve, browser):
    _, output, _ = site
    for name, target in [("tin-tuc/mot-123.html", "/2024/05/mot/"), ("thu-muc/bai/index.html", "/2024/05/hai/"),
                         ("tin-cu/mot/index.html", "/2024/05/hai/")]:
        page = BeautifulSoup((output / name).read_text(encoding="utf-8"), "html.parser")
        assert page.select_one('link[rel="canonical"]')["href"] == target
        assert page.select_one('meta[http-equiv="refresh"]')["content"] == f"0; url={target}"
    assert not (output / "Pages").exists()                        # a query: _redirects only
    assert not (output / "tag" / "hoi-nghi").exists()          # the site's own paths: _redirects only
    base = serve(output)
    tab = browser.new_page()
    tab.goto(f"{base}/tin-tuc/mot-123.html")
    tab.wait_for_url(f"{base}/2024/05/mot/")
    assert tab.locator("h1").inner_text() == "Bài mot"
    tab.close()


def test_each_article_links_its_original(site):
    _, output, _ = site
    page = BeautifulSoup((output / "2024/05/ba/index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one(".original a")
    assert link["href"] == "https://cu.example.gov.vn/Pages/ba.aspx?ItemID=7" and "Bản gốc" in link.parent.get_text()


def test_without_legacy_hosts_only_aliases_redirect(site, tmp_path):
    base, _, _ = site
    output = tmp_path / "output"
    make_html(base / "content", output)
    lines = (output / "_redirects").read_text(encoding="utf-8").splitlines()
    assert lines == ["/tag/hoi-nghi/ /2024/05/hai/ 301", "/thu-muc/bai /2024/05/hai/ 301",
                     "/tin-cu/mot/ /2024/05/hai/ 301"]
    assert not (output / "tin-cu").exists() and not (output / "tin-tuc").exists()


def test_a_rebuild_keeps_the_pages(site):
    base, output, _ = site
    page = output / "tin-tuc" / "mot-123.html"
    before = page.stat().st_ino
    make_html(base / "content", output, HOSTS)
    assert page.stat().st_ino == before
