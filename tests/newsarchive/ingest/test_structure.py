"""Non-articles told by structure; outlets named from what the page shows; bylines by their shape."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsarchive.article import TIMEZONE
from newsarchive.ingest import Options, Quarantine, process
from newsarchive.ingest.byline import read_byline
from newsarchive.ingest.naming import banner_name, paper_of
from newsarchive.ingest.portals import load_all
from newsarchive.ingest.record import Given
from newsarchive.ingest.extract import is_home_url
from newsarchive.ingest.structure import by_address

GENERIC = load_all()[0]
NOW = datetime(2026, 1, 1, tzinfo=TIMEZONE)
LEDE = ("Chiều ngày 28-11, tại Trung tâm chỉ huy, Ban Chỉ huy Quân sự huyện tổ chức Hội nghị tổng kết công tác "
        "quân sự, quốc phòng địa phương năm 2024; triển khai nhiệm vụ năm 2025.")


def _kind(text: str, url: str | None = None) -> str:
    with pytest.raises(Quarantine) as caught:
        process(text.encode(), "page.txt", Options(now=NOW), Given(url=url))
    return caught.value.kind


def test_teasers_each_with_a_headline_and_its_own_date_are_a_listing():
    block = "Huyện tổng kết công tác quân sự, quốc phòng năm {y}\n{d} 03/12/2024\n" + LEDE + "\n"
    assert _kind(block.format(y=2024, d="16:05") + block.format(y=2023, d="16:23")) == "listing"


def test_one_article_with_its_date_line_is_not_a_listing():
    article = process(("Huyện tổng kết công tác quân sự năm 2024\n16:05 03/12/2024\n" + LEDE + "\n" + LEDE
                       + "\n").encode(), "a.txt", Options(now=NOW))
    assert article.title == "Huyện tổng kết công tác quân sự năm 2024"


def test_navigation_only_is_a_menu():
    assert _kind("\n".join(["Trang chủ", "• Chính trị", "• Xã hội", "• Kinh tế", "• Văn hóa - Thể thao",
                            "• An ninh quốc phòng", "• Pháp luật"])) == "menu-only"


def test_a_ticker_of_one_line_stories_is_other():
    items = " * ".join(f"Sở Nội vụ thông báo lấy ý kiến nhân dân về việc số {i} của tỉnh." for i in range(8))
    assert _kind("Thứ Năm, 8/5/2025 21:19\n*** " + items) == "other"


def test_a_text_opening_with_prose_shows_no_title():
    assert _kind(LEDE + "\n" + LEDE) == "no-title"
    assert _kind("I. MỤC ĐÍCH, YÊU CẦU\n- " + LEDE) == "no-title"


def test_a_kicker_and_a_site_clock_above_the_title_are_not_the_title_or_its_date():
    text = f"Thứ ba, 11/05/2021\nĐài Phát thanh – Truyền hình:\nTổng kết công tác phát thanh năm 2014\n{LEDE}\n"
    with pytest.raises(Quarantine, match="“Tổng kết công tác phát thanh năm 2014”") as caught:
        process(text.encode(), "a.txt", Options(now=NOW))
    assert caught.value.kind == "no-date"


@pytest.mark.parametrize("url, home", [("https://tuyphong.binhthuan.dcs.vn", True), ("https://baokhanhhoa.vn/english", True),
                                       ("https://x.vn/index.html", True), ("https://x.vn/tin-tuc/bai-123.html", False)])
def test_home_addresses(url, home):
    assert is_home_url(url) is home


def test_a_section_address_holding_one_teaser_is_a_listing_an_article_address_is_not():
    teaser = ["Đoàn công tác tỉnh kiểm tra công tác bầu cử tại xã", "(ĐTO) Ngày 4-3, " + LEDE]
    assert by_address("https://baodongthap.vn/bau-cu-quoc-hoi-hdnd-cac-cap", teaser, False)[0] == "listing"
    assert by_address("https://thanhgiong.vn/hon-19-ngan-y-tuong-41553.html", teaser, False) is None
    assert by_address("http://x.gov.vn/tin-tuc/nong-thon-moi/trang-2.html", teaser * 3, True)[0] == "listing"


@pytest.mark.parametrize("mark, host, name", [
    ("CMO", None, "Báo Cà Mau"), ("HBĐT", None, "Báo Hòa Bình"), ("BAG", None, "Báo An Giang"),
    ("QNO", "baoquangnam.vn", "Báo Quảng Nam"), ("QNO", None, None),     # Quảng Nam, Ninh or Ngãi: unsettled
    ("BTV", "mb.btv.org.vn", None), ("CTG", None, None), ("TTXVN", None, None),
])
def test_a_provincial_papers_mark(mark, host, name):
    assert paper_of(mark, host, "") == name


@pytest.mark.parametrize("line, name", [
    ("Banner Tỉnh ủy Nghệ An (Home-latest-1)", "Tỉnh ủy Nghệ An"),
    ("ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN", "Ủy ban nhân dân huyện Bình Sơn"),
    ("Trang chủ báo điện tử tỉnh Lai Châu", "Báo Lai Châu"),
    ("Đoàn thanh niên lao động tình nguyện tại xã Hà Vị", None),
])
def test_banner_names(line, name):
    assert banner_name(line) == name


def test_an_outlets_mark_names_the_portal_and_leaves_the_body():
    text = "Gần 370 giáo viên và học sinh giỏi được tuyên dương\n14/10/2016, 17:08\nBTO - " + LEDE + "\n" + LEDE
    article = process(text.encode(), "a.txt", Options(now=NOW),
                      Given(url="http://www.baobinhthuan.com.vn/tin-tuc/khen-thuong-124905.html"))
    assert (article.portal, article.portal_name) == ("baobinhthuan.com.vn", "Báo Bình Thuận")
    assert article.body.startswith("Chiều ngày 28-11")


@pytest.mark.parametrize("line", ["Thời sự", "Văn hóa - Thể thao", "Trong", "Quang cảnh Hội nghị", "Chia sẻ"])
def test_menu_words_cut_words_and_captions_are_no_bylines(line):
    assert read_byline(line, GENERIC)[0] is False


def test_a_source_line_is_no_author():
    assert read_byline("Nguồn tin: http://baolaocai.vn", GENERIC) == (True, None)


def test_a_menu_word_after_the_byline_is_skipped_and_the_name_above_is_the_author():
    text = f"Hội nghị tổng kết công tác quân sự năm 2024\n03/12/2024\n{LEDE}\n{LEDE}\n   Minh Anh   \nThời sự\n"
    article = process(text.encode(), "a.txt", Options(now=NOW))
    assert article.author == "Minh Anh" and "Thời sự" not in article.body and "Minh Anh" not in article.body


def test_a_byline_at_the_top_with_two_names_and_a_date():
    text = f"Hội nghị tổng kết công tác quân sự năm 2024\nVĂN HÀO - TRẦN HỮU 30/04/2016 11:39\n{LEDE}\n{LEDE}.\n"
    article = process(text.encode(), "a.txt", Options(now=NOW))
    assert article.author == "Văn Hào, Trần Hữu"
    assert (article.date.day, article.date.hour, article.date.minute) == (30, 11, 39)


def test_a_bare_date_line_right_above_the_title_is_its_date_a_site_clock_is_not():
    article = process(f"03/12/2024 16:05\nHuyện tổng kết công tác quân sự năm 2024\n{LEDE}\n{LEDE}\n".encode(),
                      "a.txt", Options(now=NOW))
    assert (article.date.day, article.date.hour) == (3, 16)
    assert _kind(f"Thứ ba, 11/05/2021\nHuyện tổng kết công tác quân sự năm 2024\n{LEDE}\n{LEDE}\n") == "no-date"


def test_a_site_named_without_brackets_opens_the_lede_and_names_the_outlet():
    text = f"Huyện tổng kết công tác quân sự năm 2024\n03/12/2024 16:05\nBaohatinh.vn - {LEDE}\n{LEDE}\n"
    article = process(text.encode(), "a.txt", Options(now=NOW))
    assert (article.portal, article.portal_name) == ("baohatinh.vn", "Báo Hà Tĩnh")
    assert article.body.startswith("Chiều ngày 28-11")
