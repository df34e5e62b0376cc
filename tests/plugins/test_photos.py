"""plugins/photos on real `make html` builds: figures and captions, WebP widths with the original as
fallback, sizes, lazy loading but the first, og:image and JSON-LD, listing thumbnails; hostile pictures
refused with a reason and never published; a build with nothing changed resizes and copies nothing; a
picture changed under an unchanged article re-renders its page, byte for byte as a clean build."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from photo_fixture import QUANG_CANH, replace_photo, write_photo_archive
from test_archive_reader_cache import assert_same_tree
from test_fast_build_reuse import clean_build, make_html

ARTICLE = "2024/05/hoi-nghi-tong-ket/index.html"
HOSTILE = "2024/06/bai-co-anh-hong/index.html"


def soup(output: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((output / name).read_text(encoding="utf-8"), "html.parser")


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("photos")
    write_photo_archive(base / "content", base / "outside")
    log = make_html(base / "content", base / "site" / "output")
    return base, base / "site" / "output", log


def test_a_photo_alone_in_its_paragraph_is_a_figure_with_its_caption(site):
    _, output, _ = site
    figures = soup(output, ARTICLE).select(".content figure")
    captions = [figure.figcaption.get_text() if figure.figcaption else None for figure in figures]
    assert captions == ["Quang cảnh hội nghị. Ảnh: Minh Anh", "Đại biểu phát biểu", "Lễ hội truyền thống. Ảnh: TTXVN"]
    assert soup(output, ARTICLE).select_one(".content p picture img")["alt"] == "Ảnh dọc"   # inline: no figure


def test_each_photo_has_webp_widths_the_original_and_its_size(site):
    _, output, _ = site
    pictures = soup(output, ARTICLE).select(".content picture")
    assert len(pictures) == 4
    seen = []
    for picture in pictures:
        img, source = picture.img, picture.source
        original = Image.open(output / img["src"].lstrip("/"))
        shown = original.size[::-1] if original.getexif().get(0x0112) == 6 else original.size
        assert (int(img["width"]), int(img["height"])) == shown
        widths = []
        for candidate in source["srcset"].split(", "):
            url, width = candidate.rsplit(" ", 1)
            copy = Image.open(output / url.lstrip("/"))
            assert copy.format == "WEBP" and f"{copy.width}w" == width
            assert abs(copy.height / copy.width - shown[1] / shown[0]) < 0.01
            widths.append(copy.width)
        assert source["type"] == "image/webp" and source["sizes"]
        seen.append((Path(img["src"]).name, widths))
    assert seen == [("quang-canh.jpg", [480, 960]), ("dai-bieu.png", [400]), ("xoay.jpg", [480, 600]),
                    ("le-hoi.webp", [480, 960])]


def test_only_the_first_photo_loads_at_once(site):
    _, output, _ = site
    images = soup(output, ARTICLE).select(".content picture img")
    assert images[0].get("loading") is None and images[0]["fetchpriority"] == "high"
    assert [img.get("loading") for img in images[1:]] == ["lazy"] * 3


def test_the_first_photo_is_the_articles_image(site):
    _, output, _ = site
    page = soup(output, ARTICLE)
    assert page.select_one('meta[property="og:image"]')["content"] == "/" + QUANG_CANH
    assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["image"] == "/" + QUANG_CANH
    assert soup(output, HOSTILE).select_one('meta[property="og:image"]') is None


def test_listings_show_a_thumbnail(site):
    _, output, _ = site
    thumbnail = soup(output, "index.html").select_one(".article-list .thumb")
    copy = Image.open(output / thumbnail["src"].lstrip("/"))
    assert (copy.format, copy.width, str(copy.width), str(copy.height)) == \
           ("WEBP", 240, thumbnail["width"], thumbnail["height"])


def test_hostile_pictures_are_refused_with_a_reason_and_never_published(site):
    _, output, log = site
    page = "content/articles/2024/06/bai-co-anh-hong.md"
    for line, reason in [(11, "bom giải nén"), (13, "không phải tệp ảnh"), (15, "nội dung là PNG"),
                         (17, "không có tệp"), (19, "ra ngoài thư mục nội dung"), (21, "ra ngoài thư mục nội dung")]:
        assert re.search(rf"^\S*{re.escape(page)}:{line}: cảnh báo: ảnh '[^'\n]+' [^\n]*{reason}", log, re.M), (line, reason)
    published = {p.name for p in output.rglob("*") if p.is_file()}
    assert not published & {"bom.png", "gia.jpg", "doi-lot.jpg", "ngoai.jpg", "lien-ket.jpg"}
    content = soup(output, HOSTILE).select_one(".content")
    assert not content.select("picture")
    # a refused picture leaves its caption; an address of another site stays as written
    assert [c.get_text() for c in content.select("figcaption")] == ["Bom giải nén", "Tệp giả", "PNG đội lốt"]
    assert content.select_one('img[src="https://example.com/anh.jpg"]')


def test_a_build_with_nothing_changed_resizes_and_copies_nothing(site):
    base, output, _ = site
    cache = base / "site" / "output.cache" / "photos"   # beside archive_reader's fingerprinted folder
    assert (cache / "index.json").is_file()
    before_output, before_cache = stamps(output), stamps(cache)
    make_html(base / "content", output)
    after_output, after_cache = stamps(output), stamps(cache)
    photos = [name for name in before_output if name.endswith((".webp", ".jpg", ".png"))
              and not name.startswith("theme")]
    assert len(photos) >= 10
    assert {name: after_output[name] for name in photos} == {name: before_output[name] for name in photos}
    assert json.loads((cache / "last-build.json").read_text()) == {"files": 15, "resized": 0, "written": 0}
    after_cache.pop("last-build.json"), before_cache.pop("last-build.json")
    assert after_cache == before_cache


def test_a_changed_picture_changes_its_page_as_a_clean_build_does(site, tmp_path):
    base, output, _ = site
    replace_photo(base / "content", 1600, 900, seed=9)
    make_html(base / "content", output)
    img = soup(output, ARTICLE).select_one(".content picture img")
    assert (img["width"], img["height"]) == ("1600", "900")
    assert not list(output.rglob("quang-canh.*.960.webp"))[0].samefile(output / QUANG_CANH)
    assert len(list(output.rglob("quang-canh.*.960.webp"))) == 1   # the old copies are gone
    assert_same_tree(clean_build(base / "content", tmp_path / "clean"), output)


def test_the_browser_takes_the_webp_its_screen_needs(site, serve, browser):
    _, output, _ = site
    base = serve(output)
    chosen = {}
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{base}/{ARTICLE.replace('index.html', '')}")
        page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth > 0")
        chosen[width] = page.evaluate("document.querySelector('.content img').currentSrc")
        page.close()
    assert chosen[390].endswith(".480.webp") and chosen[1280].endswith(".960.webp")
