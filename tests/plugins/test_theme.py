"""The theme as a reader meets it: SEO data, CSP, text size, dark mode, 320 px, no JavaScript,
the phone header (390 px), and no internal value shown as a label.

Static checks read the publish build (absolute URLs); browser checks run headless Debian
Chromium on the ingested samples over a loopback server.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime
from urllib.parse import quote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from conftest import build_site, ingest_fixtures
from newsarchive.article import TIMEZONE, Article, render
from newsarchive.ingest.portals import RULES_DIR
from newsarchive.vietnamese import nfc

SITEURL = "https://luutru.example.vn"
LONG_AN = "2023/01/tang-cuong-cong-tac-xay-dung-to-chuc-dang-to-chuc-chinh-tri-xa-hoi-trong-cac"
PAGES_320 = [LONG_AN + "/", "tags/", "archives/", "tag/an-giang/", "search/?q=cam%20le", "404.html"]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = tmp_path_factory.mktemp("published")
    ingest_fixtures(base / "content")
    result = build_site(base / "content", base / "output", conf="publishconf.py")
    assert result.returncode == 0, result.stderr
    return base / "output"


def soup(site, relative: str) -> BeautifulSoup:
    path = site / relative if relative.endswith((".html", ".txt")) else site / relative / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_article_has_canonical_opengraph_and_newsarticle(published):
    page = soup(published, LONG_AN)
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"{SITEURL}/{LONG_AN}/"
    assert page.find("meta", property="og:url")["content"] == canonical
    assert page.find("meta", property="og:type")["content"] == "article"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["url"] == canonical and data["inLanguage"] == "vi"
    assert data["datePublished"] == "2023-01-12T19:20:06+07:00"
    assert data["author"] == {"@type": "Person", "name": "TH-VPTU"}
    assert data["headline"].startswith("Tăng cường công tác") and len(data["headline"]) <= 110


@pytest.mark.parametrize("relative, expected", [
    ("tag/an-giang", "tag/an-giang/"), ("search", "search/"), ("archives", "archives/"),
    ("index.html", ""), ("2019/07", "2019/07/"),
])
def test_every_page_has_its_own_canonical_url(published, relative, expected):
    assert soup(published, relative).find("link", rel="canonical")["href"] == f"{SITEURL}/{expected}"


def test_robots_and_404(published):
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots
    page = soup(published, "404.html")
    assert page.html["lang"] == "vi" and page.h1.get_text() == "Không tìm thấy trang"


def test_csp_allows_the_inline_script_by_its_hash_only(published):
    page = soup(published, LONG_AN)
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    inline = [s for s in page.find_all("script") if not s.get("src") and s.get("type") != "application/ld+json"]
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].string.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp


# --- in Chromium ---------------------------------------------------------------------------

@pytest.fixture()
def page(browser, serve, sample_site):
    context = browser.new_context()
    tab = context.new_page()
    tab.base = serve(sample_site)
    tab.violations = []
    tab.on("console", lambda m: "Content Security Policy" in m.text and tab.violations.append(m.text))
    tab.foreign = []
    tab.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
           and r.url.startswith("http") and tab.foreign.append(r.url))
    yield tab
    context.close()


def test_search_runs_under_the_csp_and_the_csp_is_enforced(page):
    page.goto(f"{page.base}/search/?q={quote('cam le')}")
    expect(page.locator("#search-results li h2 a").first).to_contain_text("Cẩm Lệ", timeout=15000)
    assert page.violations == []
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = true;")  # an unhashed inline script
    assert page.evaluate("() => window.injected === undefined")
    assert page.foreign == []


def test_text_size_is_remembered(page):
    page.goto(f"{page.base}/{LONG_AN}/")
    size = lambda: page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")  # noqa: E731
    normal = size()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert page.locator("html").get_attribute("data-font") == "2"
    assert size() > normal * 1.2
    page.reload()  # the hashed inline script restores it before paint
    assert page.locator("html").get_attribute("data-font") == "2"
    page.get_by_role("button", name="Cỡ chữ mặc định").click()
    assert page.locator("html").get_attribute("data-font") is None and size() == normal
    assert page.violations == []


def test_dark_mode_toggle_is_remembered(page):
    page.goto(f"{page.base}/tags/")
    toggle = page.locator("[data-theme-toggle]")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    page.goto(f"{page.base}/archives/")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(22, 22, 26)"


def test_vietnamese_font_is_served_by_the_site(page):
    page.goto(f"{page.base}/{LONG_AN}/")
    loaded = page.evaluate("async () => { await document.fonts.ready; return [...document.fonts]"
                           ".filter(f => f.status === 'loaded').map(f => [f.family, f.unicodeRange]) }")
    vietnamese = [family for family, ranges in loaded if "U+1EA0-1EF9" in ranges]   # ạ ả ấ ... ỹ
    assert vietnamese and vietnamese[0].strip('"') == "Noto Serif", loaded
    assert page.foreign == []


def test_vietnamese_text_needs_no_latin_extended_font(page):
    """Đ, Ă, Ơ, Ư are in both the latin-ext and the vietnamese subset: the vietnamese one
    (declared last, so tried first) must serve them, not 60 KB of latin-ext per style."""
    fonts = []
    page.on("request", lambda r: r.url.endswith(".woff2") and fonts.append(r.url.rsplit("/", 1)[-1]))
    page.goto(f"{page.base}/{LONG_AN}/")
    page.evaluate("async () => { await document.fonts.ready; }")
    assert any("vietnamese" in name for name in fonts), fonts
    assert not any("latin-ext" in name for name in fonts), fonts


@pytest.mark.parametrize("relative", PAGES_320)
def test_no_sideways_scrolling_at_320_px(page, relative):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{page.base}/{relative}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_keyboard_first_stop_is_the_skip_link(page):
    page.goto(f"{page.base}/{LONG_AN}/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"


def test_pages_work_without_javascript(browser, serve, sample_site):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    base = serve(sample_site)
    tab.goto(f"{base}/")
    tab.locator(".article-list h2 a").first.click()
    tab.wait_for_load_state()
    assert tab.locator("h1").count() == 1 and tab.locator(".related a").count() >= 1
    assert not tab.locator(".reader-tools").is_visible()  # controls that need JS stay hidden
    tab.locator(".tags a").first.click()
    tab.wait_for_load_state()
    assert re.search(r"/tag/[^/]+/$", tab.url)
    context.close()


def test_print_view_is_the_article_alone(page):
    page.goto(f"{page.base}/{LONG_AN}/")
    page.emulate_media(media="print")
    assert page.locator("h1").is_visible() and page.locator(".content").is_visible()
    for chrome in (".site-header", ".site-footer", ".prev-next", ".print-tools"):
        assert not page.locator(chrome).is_visible(), chrome


# --- a phone-sized header ------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("relative", [LONG_AN + "/", "tag/an-giang/", "archives/"])
def test_on_a_phone_the_title_starts_within_200_px(browser, serve, sample_site, relative):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    tab.goto(f"{serve(sample_site)}/{relative}")
    assert tab.locator("h1").bounding_box()["y"] < 200
    # at the largest text size too, the header stays one row and the title comes soon after
    tab.evaluate("() => document.documentElement.setAttribute('data-font', '3')")
    assert tab.locator("h1").bounding_box()["y"] < 260
    assert tab.locator(".menu-toggle").bounding_box()["y"] < 20
    context.close()


def test_on_a_phone_every_control_is_one_tap_away(browser, serve, sample_site):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    base = serve(sample_site)
    tab.goto(f"{base}/{LONG_AN}/")
    menu = tab.get_by_role("button", name="Danh mục, cỡ chữ và màu nền")
    assert not tab.get_by_role("link", name="Chủ đề").is_visible()
    assert not tab.get_by_role("button", name="Tăng cỡ chữ").is_visible()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    for name in ("Trang chủ", "Lưu trữ", "Chủ đề", "Chuyên mục", "Nguồn tin"):
        assert tab.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name=name).is_visible()
    for name in ("Giảm cỡ chữ", "Tăng cỡ chữ", "Nền tối"):
        assert tab.get_by_role("button", name=name).is_visible()
    tab.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert tab.evaluate("() => document.activeElement.classList.contains('menu-toggle')")
    search = tab.get_by_role("link", name="Tìm kiếm")
    box = search.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44   # a thumb's target
    search.click()
    tab.wait_for_url(f"{base}/search/")
    context.close()


def test_on_a_phone_without_scripts_the_sections_are_shown(browser, serve, sample_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{serve(sample_site)}/{LONG_AN}/")
    assert not tab.locator(".menu-toggle").is_visible()
    assert tab.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Lưu trữ").is_visible()
    assert tab.get_by_role("link", name="Tìm kiếm").is_visible()
    context.close()


def test_the_desktop_header_is_as_before(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{page.base}/{LONG_AN}/")
    assert page.locator("#site-search").is_visible() and page.get_by_role("button", name="Tăng cỡ chữ").is_visible()
    assert not page.locator(".menu-toggle").is_visible() and not page.locator(".search-link").is_visible()


def test_sort_label_does_not_wrap_on_a_desktop(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{page.base}/search/?q={quote('cam le')}")
    page.locator("#search-results li").first.wait_for(timeout=15000)
    lines = page.evaluate("() => { const range = document.createRange();"
                          " range.selectNodeContents(document.querySelector('.search-sort').firstChild);"
                          " return range.getClientRects().length }")
    assert lines == 1


# --- no internal word a reader should see -------------------------------------------------

def test_an_article_of_no_known_portal_names_it_in_vietnamese(tmp_path):
    """Ingest gives such an article generic.yaml's id ("unknown"); readers see its name."""
    generic = yaml.safe_load((RULES_DIR / "generic.yaml").read_text(encoding="utf-8"))
    article = Article(title="Bài không rõ nguồn", date=datetime(2021, 3, 4, tzinfo=TIMEZONE), slug="bai-khong-ro-nguon",
                      portal=generic["id"], body="Nội dung bài viết.", tags=["An Giang"])
    path = tmp_path / "content" / "articles" / article.relative_path
    path.parent.mkdir(parents=True)
    path.write_text(render(article), encoding="utf-8")
    assert build_site(tmp_path / "content", tmp_path / "output").returncode == 0
    site = tmp_path / "output"
    for relative in ("2021/03/bai-khong-ro-nguon", "portal/unknown", "portals", "", "tag/an-giang"):
        text = soup(site, relative or "index.html").get_text(" ")
        assert "unknown" not in text, relative
        assert nfc(generic["name"]) in text, relative
