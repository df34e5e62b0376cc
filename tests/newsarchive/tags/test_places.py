"""Places as they were at the article's date, and names that are part of another name."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsarchive.tags import tag_article
from newsarchive.tags.history import place_note

VIETNAM = timezone(timedelta(hours=7))


def places(title: str, body: str, day=None, province=None) -> list[str]:
    from newsarchive.tags.tagger import tagged
    return [t for t, kind in tagged(title, body, body, province=province, date=day) if kind == "place"]


def test_a_district_is_a_place_before_the_merger_and_none_after():
    body = "Ngày 5/2, UBND huyện Sóc Sơn kiểm tra trường học. Huyện Sóc Sơn yêu cầu dừng thi công."
    assert places("Sóc Sơn: trường xây sai phép", body, date(2019, 5, 2)) == ["Sóc Sơn", "Hà Nội"]
    assert places("Sóc Sơn: trường xây sai phép", body, date(2026, 2, 5)) == []


def test_a_2026_ward_named_after_an_abolished_district_is_no_place():
    body = ("Công an phường Hoàng Mai (Hà Nội) phát hiện thi thể trên sông Tô Lịch. Công an phường Hoàng Mai "
            "đang điều tra. Người dân phường Hoàng Mai cho biết.")
    assert places("Hà Nội: Phát hiện thi thể người nổi trên sông Tô Lịch", body, date(2026, 2, 3)) == ["Hà Nội"]
    # Before the merger a bare "Hoàng Mai" after "phường" was the ward too, never the district.
    assert "Hoàng Mai (Hà Nội)" not in places("Phát hiện thi thể", body, date(2019, 1, 1))


def test_an_old_provinces_name_after_the_merger_is_the_province_it_joined():
    body = "Tỉnh Yên Bái cũ có nhiều đền. Yên Bái nay thuộc Lào Cai. Người dân Yên Bái đón Tết."
    assert places("Lễ hội ở Yên Bái", body, datetime(2026, 1, 25, tzinfo=VIETNAM)) == ["Lào Cai"]
    assert places("Lễ hội ở Yên Bái", body, date(2017, 2, 6))[0] == "Yên Bái"


def test_the_portals_province_is_as_of_the_date():
    body = "Ban Thường vụ Tỉnh ủy họp. Các đại biểu của tỉnh thống nhất."
    assert places("Hội nghị", body, date(2026, 1, 10), province="Yên Bái") == ["Lào Cai"]


@pytest.mark.parametrize(("title", "body", "not_a_place"), [
    ("Giang hồ đòi nợ", "Theo Báo Hải Phòng, nhóm đối tượng bị bắt. Báo Hải Phòng cho biết thêm. Báo Hải Phòng đưa tin.",
     "Hải Phòng"),
    ("Chuyến bay hạ cánh", "Máy bay hạ cánh xuống sân bay Vinh. Hành khách ở sân bay Vinh chờ. Sân bay Vinh mở cửa.",
     "Vinh"),
    ("Khai trương đường bay", "Cảng hàng không Thọ Xuân đón khách. Cảng hàng không Thọ Xuân mở thêm đường bay.",
     "Thọ Xuân"),
    ("Chợ Tết", "Như Pháp Luật TP.HCM đã thông tin, chợ đóng cửa. Pháp Luật TP.HCM sẽ tiếp tục thông tin.",
     "Thành phố Hồ Chí Minh"),
    ("Hà Nội mới", "Theo Hà Nội Mới, các trường mở cửa. Báo Hà Nội Mới cho biết.", "Hà Nội"),
    ("Thị trấn miền núi", "Thị trấn Hòa Bình đón khách. Người dân thị trấn Hòa Bình vui Tết. "
     "thị trấn Hòa Bình có chợ phiên.", "Hòa Bình"),
])
def test_a_name_inside_another_name_is_no_place(title, body, not_a_place):
    assert not_a_place not in tag_article(title, body, body)


def test_a_place_after_a_commune_word_still_counts_when_prefixed():
    body = ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Đắk Nông thành lập Hội đồng kỷ luật. Người dân ở nông "
            "thôn tỉnh Đắk Nông phản ánh. Nông thôn tỉnh Đắk Nông đổi mới.")
    assert "Đắk Nông" in places("Xem xét kỷ luật Phó Hạt trưởng", body)


def test_a_place_named_in_the_lede_only_inside_a_bodys_name_is_not_prominent():
    lede = ("Bộ trưởng Bộ Công an khen Công an tỉnh Gia Lai; Công an tỉnh Quảng Ngãi; Công an TP.HCM; Công an "
            "tỉnh Bắc Ninh trong vụ bắt giữ 2 đối tượng cướp ngân hàng tại tỉnh Gia Lai.")
    body = lede + "\nCông an tỉnh Gia Lai đã bắt giữ hai đối tượng. Tỉnh Gia Lai tăng cường tuần tra."
    found = places("Thu giữ 4 khẩu súng trong vụ cướp ngân hàng ở Gia Lai", body, date(2026, 2, 5))
    assert found == ["Gia Lai"]


@pytest.mark.parametrize(("name", "note"), [
    ("Yên Bái", "Tỉnh Yên Bái (đến 30/6/2025): từ 1/7/2025 là một phần của tỉnh Lào Cai."),
    ("Tiền Giang", "Tỉnh Tiền Giang (đến 30/6/2025): từ 1/7/2025 được chia về tỉnh Tây Ninh và tỉnh Đồng Tháp."),
    ("Lào Cai", "Từ 1/7/2025, tỉnh Lào Cai gồm cả tỉnh Yên Bái cũ."),
    ("Cẩm Lệ", "Quận Cẩm Lệ thuộc thành phố Đà Nẵng đến 30/6/2025; từ 1/7/2025 không còn cấp huyện: địa bàn nay "
               "là phường Cẩm Lệ, phường An Khê, phường Hòa Xuân (thành phố Đà Nẵng)."),
    ("Hà Nội", None), ("UBND tỉnh", None), ("Chỉ thị 42-CT/TU", None),
])
def test_the_vocabulary_says_which_place_an_old_name_became(name, note):
    assert place_note(name) == note


def test_a_units_own_name_is_no_place():
    body = ("Số gỗ do Ban quản lý rừng phòng hộ Hướng Hóa làm chủ rừng. Phó Giám đốc Ban quản lý rừng phòng hộ "
            "Hướng Hóa cho biết. Hạt kiểm lâm huyện Đakrông xử lý, huyện Đakrông vào cuộc.")
    assert sorted(places("Vụ chở gỗ lậu ở Quảng Trị", body)) == ["Quảng Trị", "Đa Krông"]
