"""Reading offline (plugins/offline_reading) on the five samples built by real Pelican: the worker's
shell and address rule against the written site, the manifest and its icons, the offline page;
then in Debian's Chromium with the network cut (Playwright offline mode): an article read shows,
any other page shows the offline page listing what is kept, the oldest beyond the limit go."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, build_site, ingest_fixtures

KEPT = 3   # the samples are five articles: the two opened first are dropped
EXTRA = ["-e", f'OFFLINE_READING={{"kept_articles": {KEPT}}}']
ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("offline")
    ingest_fixtures(base / "content")
    result = build_site(base / "content", base / "output", extra=EXTRA)
    assert result.returncode == 0, result.stderr
    return base / "output"


def worker_config(site: Path) -> dict:
    line = next(line for line in (site / "sw.js").read_text(encoding="utf-8").splitlines()
                if line.startswith("const CONFIG = "))
    return json.loads(line.removeprefix("const CONFIG = ").rstrip(";"))


def articles_of(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html")
                  if ARTICLE_PAGE.match(str(p.relative_to(site))))


def test_the_shell_is_the_sites_own_files_and_the_rule_finds_articles_only(site):
    config = worker_config(site)
    assert config["kept"] == KEPT and config["offline"] == "offline/"
    for name in config["shell"]:
        assert (site / name).is_file() or (site / name / "index.html").is_file(), name
    fonts = [name for name in config["shell"] if name.endswith(".woff2")]
    assert len(fonts) == 6 and not any("latin-ext" in name for name in fonts)   # latin + vietnamese
    rule = re.compile(config["article"])
    pages = [str(p.relative_to(site).parent) + "/" for p in site.rglob("index.html") if "pagefind" not in p.parts]
    assert sorted(page for page in pages if rule.match(page)) == articles_of(site) and len(articles_of(site)) == 5
    assert not rule.match("2019/07/") and not rule.match("tag/an-giang/page/1/")


def png_size(path: Path) -> str:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return f"{width}x{height}"


def test_the_manifest_makes_the_archive_installable(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Kho lưu trữ tin tức" and manifest["lang"] == "vi"
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert png_size(site / icon["src"]) == icon["sizes"]
    article = (site / articles_of(site)[0] / "index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="/manifest.webmanifest">' in article and 'data-worker="/sw.js"' in article


def test_the_offline_page_is_vietnamese_and_not_indexed(site):
    page = (site / "offline/index.html").read_text(encoding="utf-8")
    assert "<h1>Không có kết nối mạng</h1>" in page and '<meta name="robots" content="noindex">' in page
    assert 'data-cache="na-articles"' in page
    assert "offline/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_version_follows_the_theme(tmp_path):
    from plugins.offline_reading.offline_reading import DEFAULTS, version

    theme = tmp_path / "theme"
    (theme / "static").mkdir(parents=True)
    (theme / "static" / "style.css").write_text("a{}", encoding="utf-8")
    settings = {"THEME": str(theme), "SITENAME": "x", "ARTICLE_URL": "{slug}/"}
    first = version(settings, DEFAULTS)
    assert version(settings, DEFAULTS) == first
    (theme / "static" / "style.css").write_text("a{color:red}", encoding="utf-8")
    assert version(settings, DEFAULTS) != first


@pytest.mark.parametrize("setting, said", [
    ('OFFLINE_READING={"kept_article": 3}', "OFFLINE_READING: khóa không có 'kept_article' — có phải 'kept_articles'?"),
    ('OFFLINE_READING={"shell": ["js/khong-co.js"]}', "OFFLINE_READING: 'shell' có 'js/khong-co.js' không khớp tệp nào"),
])
def test_a_wrong_setting_stops_the_build_in_one_line(tmp_path, setting, said):
    (tmp_path / "content" / "articles").mkdir(parents=True)
    build = build_site(tmp_path / "content", tmp_path / "output", extra=["-e", setting])
    printed = build.stdout + build.stderr
    assert build.returncode == 1 and said in printed and "Traceback" not in printed, printed


def test_switched_off_nothing_is_written_or_linked(tmp_path):
    ingest_fixtures(tmp_path / "content")
    build = build_site(tmp_path / "content", tmp_path / "output", extra=["-e", 'OFFLINE_READING={"enabled": false}'])
    assert build.returncode == 0, build.stderr
    site = tmp_path / "output"
    assert not (site / "sw.js").exists() and not (site / "manifest.webmanifest").exists()
    assert not (site / "offline").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "manifest" not in home and "data-worker" not in home


# --- in Chromium --------------------------------------------------------------------------

KEPT_URLS = "() => caches.open('na-articles').then(c => c.keys()).then(k => k.map(r => new URL(r.url).pathname))"


def open_and_keep(tab, base: str, path: str) -> None:
    tab.goto(f"{base}/{path}")
    tab.evaluate("() => navigator.serviceWorker.ready")
    tab.wait_for_function(f"async () => ({KEPT_URLS})().then(kept => kept.includes('/{path}'))")


def test_an_article_read_once_shows_offline_and_others_get_the_offline_page(browser, serve, site):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    base = serve(site)
    articles = articles_of(site)
    read = articles[0]
    open_and_keep(tab, base, read)       # the first page: fetched before the worker, kept when it starts
    title = tab.locator("h1").inner_text()
    context.set_offline(True)
    tab.reload()
    assert tab.locator("h1").inner_text() == title
    assert tab.evaluate("() => getComputedStyle(document.querySelector('.site-header')).borderBottomWidth") == "1px"
    loaded = tab.evaluate("async () => { await document.fonts.ready; return [...document.fonts]"
                          ".filter(f => f.status === 'loaded').map(f => f.unicodeRange) }")
    assert any("U+1EA0-1EF9" in ranges for ranges in loaded), loaded   # the Vietnamese face, from the shell
    for other in (articles[1], "tags/", "search/?q=dang"):
        tab.goto(f"{base}/{other}")
        assert tab.locator("h1").inner_text() == "Không có kết nối mạng"
        assert tab.locator("#offline-page").inner_text().startswith("Trang /" + other.split("?")[0])
        kept = tab.locator("#kept-articles li a")
        kept.first.wait_for()
        assert kept.all_inner_texts() == [title]
        assert kept.first.get_attribute("href") == f"{base}/{read}"
    kept.first.click()
    tab.wait_for_url(f"{base}/{read}")
    assert tab.locator("h1").inner_text() == title
    context.close()


def test_the_least_recently_opened_go_beyond_the_limit(browser, serve, site):
    context = browser.new_context()
    tab = context.new_page()
    base = serve(site)
    articles = articles_of(site)
    for path in articles:
        open_and_keep(tab, base, path)
    open_and_keep(tab, base, articles[0])    # opened again: most recent now
    assert sorted(tab.evaluate(KEPT_URLS)) == sorted("/" + path for path in [articles[0], *articles[-2:]])
    context.set_offline(True)
    tab.goto(f"{base}/offline/")
    tab.locator("#kept-articles li").nth(KEPT - 1).wait_for()
    assert tab.locator("#kept-articles li a").first.get_attribute("href") == f"{base}/{articles[0]}"
    assert tab.locator("#offline-page").inner_text().startswith("Khi không có mạng, một trang chưa được lưu")
    context.close()


def test_chromium_finds_the_archive_installable(tmp_path, serve, site, browser):
    """Not in a private window (Playwright's contexts are): a profile of its own."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    try:
        tab = context.new_page()
        tab.goto(serve(site) + "/")
        tab.evaluate("() => navigator.serviceWorker.ready")
        errors = context.new_cdp_session(tab).send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
    finally:
        context.close()
