"""Pictures and document links read from the markup and put back between the body's paragraphs
(newsarchive/ingest/media.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from newsarchive.ingest import media
from newsarchive.ingest.pipeline import process

import mirror


def _collect(html: str) -> media.Collected:
    return media.collect(BeautifulSoup(html, "lxml").body)


@pytest.mark.parametrize(("html", "caption"), [
    ('<figure><img src="a.jpg"><figcaption>Quang cảnh hội nghị. Ảnh: Minh Anh</figcaption></figure>',
     "Quang cảnh hội nghị. Ảnh: Minh Anh"),
    ('<table><tr><td><img src="a.jpg"></td></tr><tr><td class="image_desc">Quang cảnh hội nghị</td></tr></table>',
     "Quang cảnh hội nghị"),
    ('<div><img src="a.jpg"></div><p class="img-caption">Quang cảnh hội nghị</p>', "Quang cảnh hội nghị"),
    ('<table><tr><td><img src="a.jpg"></td><td><img src="b.jpg"></td></tr><tr><td>Hai ảnh</td></tr></table>', ""),
])
def test_the_markup_gives_the_caption(html, caption):
    assert _collect(f"<html><body>{html}</body></html>").found[0].caption == caption


def test_lazy_addresses_and_srcset_are_tried_after_src():
    found = _collect('<html><body><img src="blank.gif" data-src="https://x.vn/a.jpg" '
                     'srcset="a-480.jpg 480w, a-960.jpg 960w"><img src="#"></body></html>').found
    assert [f.sources for f in found] == [["blank.gif", "https://x.vn/a.jpg", "a-960.jpg"]]


def test_icons_by_their_shown_size_and_documents_by_their_type():
    found = _collect('<html><body><img src="g.png" style="height:20px;"><img src="p.gif" width="1">'
                     '<img src="photo.jpg" width="640"><a href="files/ke-hoach%2012.PDF">tải về</a>'
                     '<a href="bai-khac.html">Bài khác</a></body></html>').found
    assert [f.tiny for f in found if f.kind == "image"] == [True, True, False]
    [document] = [f for f in found if f.kind == "attachment"]
    assert document.name == "ke-hoach 12.PDF" and media.attachment_type(document.sources[0]) == "PDF"


def test_credit_and_markdown():
    assert media.credit("Quang cảnh hội nghị. Ảnh: Minh Anh") == ("Quang cảnh hội nghị", "Ảnh: Minh Anh")
    assert media.credit("Khám bệnh (Ảnh: Hoàng Giang)") == ("Khám bệnh", "Ảnh: Hoàng Giang")
    assert media.credit("Không có tác giả ảnh") == ("Không có tác giả ảnh", "")
    assert (media.image_markdown("/images/2024/05/ab.jpg", 'Lễ [ra mắt] *đội* "xung kích". Ảnh: Q.Việt', "")
            == '![Lễ \\[ra mắt\\] \\*đội\\* "xung kích"](/images/2024/05/ab.jpg "Ảnh: Q.Việt")')
    assert media.caption_paragraph("# Ảnh tư liệu") == "*\\# Ảnh tư liệu*"


def test_pictures_go_back_between_their_paragraphs_and_outside_ones_are_marked():
    html = ("<html><body><header><img src='logo.png'></header><h1>Tiêu đề bài viết ở đây</h1>"
            "<p>Đoạn thứ nhất của bài viết khá dài.</p><p><img src='a.jpg'></p>"
            "<p>Người dân dự lễ. Ảnh: Minh Anh</p><p>Đoạn thứ hai của bài viết.</p>"
            "<aside>Tin khác: Hội nghị tổng kết công tác năm của ngành y tế tỉnh; Khai mạc hội chợ thương mại "
            "nông sản vùng biên giới; Tỉnh ủy giao ban công tác dân vận quý III"
            "<img src='thumb.jpg'></aside></body></html>")
    collected = _collect(html)
    lines = ["Tiêu đề bài viết ở đây", "Đoạn thứ nhất của bài viết khá dài.", "Người dân dự lễ. Ảnh: Minh Anh",
             "Đoạn thứ hai của bài viết."]
    paragraphs, placed = media.place(collected, [lines[1], lines[3]], lines, lines[0], set())
    assert paragraphs == [lines[1], lines[3]]
    logo, photo, thumb = placed
    assert logo.outside and thumb.outside and not photo.outside
    assert (photo.before, photo.caption) == (1, "Người dân dự lễ. Ảnh: Minh Anh")
    # A credit line the body kept as a paragraph becomes the caption, and leaves the body.
    paragraphs, placed = media.place(collected, lines[1:], lines, lines[0], set())
    assert paragraphs == [lines[1], lines[3]] and placed[1].caption == lines[2] and placed[1].before == 1
    # A byline right under the closing photo is no caption.
    paragraphs, placed = media.place(collected, [lines[1], lines[3]], lines, lines[0], {2})
    assert placed[1].caption == ""


def test_a_page_read_alone_records_its_photos_as_missing():
    """Without the folder it was saved in, no file is looked for: the photo is listed, never linked."""
    article = process(mirror.NGHEAN.encode("utf-8"), "tiem-vac-xin.html")
    assert article.missing_images == [{"url": mirror.NGHEAN_PHOTO, "caption": mirror.NGHEAN_CAPTION + " Ảnh: Đức Anh"}]
    assert [m.status for m in article.media] == ["missing"] and article.copies == []
    assert "1cdn" not in article.body


def test_a_static_site_source_with_photo_tables():
    """The Đắk Song portal's source (JSON front matter, CKEditor body with one-cell caption tables)."""
    article = process((mirror.FIXTURES / "daksong.cong-vien-dia-chat.md").read_bytes(), "daksong.md")
    captions = [image["caption"] for image in article.missing_images]
    assert captions == ["Chuyên gia UNESCO tham quan Trung tâm thông tin CVĐC huyện Cư Jút",
                        "Việc gia nhập mạng lưới CVĐCTC mở ra cho Đắk Nông cơ hội mới về phát triển du lịch",
                        "Hàng C3 thuộc CVĐCTC UNESCO Đắk Nông (Ảnh: Ban quản lý CVĐC Đắk Nông)"]
    assert all(f"\n*{c}*\n" in article.body.replace("\\", "") for c in captions[:2])
    assert article.summary not in captions


def test_many_or_odd_missing_photos_keep_the_front_matter_valid():
    """200 photos the scrape did not save, addresses with line breaks or relative without a page URL:
    the article stays a valid file (under the front matter's limits), the report has every one."""
    from newsarchive.article import render
    from newsarchive.frontmatter import parse, problems

    pictures = "".join(f'<p><img src="https://anh.vn/{n}.jpg"></p><p>Ảnh số {n} của buổi lễ. Ảnh: {"X" * 30}</p>'
                       for n in range(200))
    page = mirror.NGHEAN.replace("<p>Chiến dịch tiêm chủng diễn ra",
                                 '<p><img src="anh/\nmot.jpg"></p>' + pictures + "<p>Chiến dịch tiêm chủng diễn ra", 1)
    page = page.replace('<link rel="canonical"', '<link rel="x"').replace('property="og:url"', 'property="x"')
    article = process(page.encode("utf-8"), "bai.html")
    assert len([m for m in article.media if m.status == "missing"]) == 202   # and the page's own caption-table photo
    doc = parse(render(article))
    assert problems(doc) == []
    assert doc.meta["missing_images"][1]["address"] == "anh/ mot.jpg"
    assert 10 < len(doc.meta["missing_images"]) < 202
    assert sum("danh sách đã quá dài" in m.reason for m in article.media) == 202 - len(doc.meta["missing_images"])
    assert article.body.count("của buổi lễ. Ảnh:") == 200       # every caption kept in the body


def test_a_browsers_saved_page_says_where_it_was_saved_from():
    url = "https://baonghean.vn/benh-vien-vinh-tiem-vac-xin-10230827.html"
    page = mirror.NGHEAN.replace('<link rel="canonical"', '<link rel="x"').replace('property="og:url"', 'property="x"')
    article = process(f"<!-- saved from url=({len(url):04d}){url} -->\n{page}".encode("utf-8"), "bai.html")
    assert article.source_url == url


def test_a_thumbnail_linking_its_full_size_photo_tries_the_photo_first():
    [found] = _collect('<html><body><a href="anh/lon.JPG"><img src="anh/nho.jpg"></a>'
                       '<a href="bai-khac.html"><img src="anh/b.jpg"></a></body></html>').found[:1]
    assert found.sources == ["anh/lon.JPG", "anh/nho.jpg"]
