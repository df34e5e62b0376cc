"""Bodies composed from an office and a place, on short snippets of real corpus articles."""

from __future__ import annotations

import pytest

from newsarchive.tags import canonical, tag_article, vocabulary
from newsarchive.tags.bodies import Home, composer
from newsarchive.tags.vocabulary import load

# (snippet as the corpus writes it, the bodies it names, in order)
COMPOSED = [
    ("hiện UBND huyện Tuần Giáo đã nhanh chóng cắm biển cấm cầu", ["UBND huyện Tuần Giáo"]),
    ("Theo UBND TP Hà Nội, nguyên nhân chủ yếu đến từ hệ thống thoát nước", ["UBND thành phố Hà Nội"]),
    ("UBND TP.HCM chủ trì, phối hợp", ["UBND Thành phố Hồ Chí Minh"]),
    ("Công an Hà Nội vừa bắt", ["Công an thành phố Hà Nội"]),
    ("Sáng 6/2, Thành ủy Đà Nẵng đã chính thức công bố", ["Thành ủy Đà Nẵng"]),
    ("Theo Ban kiểm tra Thành ủy TP.HCM, Ban Thường vụ Thành ủy TP.HCM đã chỉ đạo",
     ["Ủy ban Kiểm tra Thành ủy Thành phố Hồ Chí Minh", "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh"]),
    ("Những loại vũ khí được phát hiện dưới nền Huyện ủy Tam Bình, tỉnh Vĩnh Long", ["Huyện ủy Tam Bình"]),
    ("Huyện ủy huyện Văn Yên họp", ["Huyện ủy Văn Yên"]),
    ("Đảng bộ quận Nam Từ Liêm đã tập trung lãnh đạo", ["Quận ủy Nam Từ Liêm"]),
    ("đề nghị Ủy ban Kiểm tra Huyện ủy Đắk Song tổ chức kiểm điểm", ["Huyện ủy Đắk Song"]),
    ("Ủy ban Kiểm tra Tỉnh ủy Quảng Ngãi vừa ra quyết định", ["Ủy ban Kiểm tra Tỉnh ủy"]),
    ("Ban Thường vụ tỉnh ủy đang nghiên cứu đề xuất của UBND tỉnh", ["Ban Thường vụ Tỉnh ủy", "UBND tỉnh"]),
    ("Tin từ Thị ủy Buôn Hồ tỉnh Đắk Lắk cho biết", ["Thị ủy Buôn Hồ"]),
    ("Sở GD&ĐT Hà Nội yêu cầu một", ["Sở Giáo dục và Đào tạo"]),
    ("Sở VH-TTDL Hà Nội quản lý", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Đắk Nông thành lập Hội đồng kỷ luật",
     ["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("LĐLĐ huyện Mỹ Đức: Tiếp nhận 77 CĐCS khối Giáo dục", ["Liên đoàn Lao động huyện Mỹ Đức"]),
    ("Phòng Giáo dục và Đào tạo huyện Mỹ Đức", ["Phòng Giáo dục và Đào tạo huyện Mỹ Đức"]),
    ("Khai mạc hội vật truyền thống, UBND thị xã Ba Đồn tổ chức", ["UBND thị xã Ba Đồn"]),
    ("UBND thành phố Điện Biên Phủ khẳng định", ["UBND thành phố Điện Biên Phủ"]),
    ("UBND thành phố Bắc Giang", ["UBND thành phố Bắc Giang"]),     # the district-level city, not the province
    ("Công an quận Ngô quyền và các đơn vị nghiệp vụ", ["Công an quận Ngô Quyền"]),
    ("Công an Quận 10 điều tra nguyên nhân", ["Công an quận 10"]),
    ("Trưởng công an H.Nghĩa Hành", ["Công an huyện Nghĩa Hành"]),
    ("ban Công binh thuộc bộ Chỉ huy Quân sự tỉnh Vĩnh Long đã trực tiếp khảo sát", ["Bộ Chỉ huy Quân sự tỉnh"]),
    ("Sáng nay 7-2, UBND huyện Gia Lâm và xã Bát Tràng đã tổ chức cuộc họp kín",
     ["UBND huyện Gia Lâm", "UBND xã Bát Tràng"]),
    ("giao UBND quận Ngũ Hành Sơn và UBND phường Mỹ An tổ chức giám sát",
     ["UBND quận Ngũ Hành Sơn", "UBND phường Mỹ An"]),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam phường phối hợp UBND phường Hai Bà Trưng (TP Hà Nội) tổ chức",
     ["Ủy ban MTTQ phường Hai Bà Trưng", "UBND phường Hai Bà Trưng"]),
    ("Tại kỳ họp thứ nhất, Đảng ủy xã Tứ Cường tiếp tục lãnh đạo", ["Đảng ủy xã Tứ Cường"]),
    ("CHỦ tịch UBND xã Quốc Khánh La Dấu Khèn cho biết", ["UBND xã Quốc Khánh"]),   # a person follows
    ("Ngày 12/6, Đồn Biên phòng Trà Cổ (thành phố Móng Cái, tỉnh Quảng Ninh) đã tiêu hủy", ["Đồn Biên phòng Trà Cổ"]),
    ("Các cán bộ thuộc Ban quản lý Rừng phòng hộ Đông bắc Chư Păh đành bất lực",
     ["Ban Quản lý rừng phòng hộ Đông Bắc Chư Păh"]),
]


@pytest.fixture(scope="module")
def bodies():
    return composer(load())


@pytest.mark.parametrize(("text", "expected"), COMPOSED, ids=[t[:40] for t, _ in COMPOSED])
def test_an_office_and_its_place_make_one_body(bodies, text, expected):
    assert [m.name for m in bodies.mentions(text) if m.name] == expected


def test_an_office_without_a_place_is_the_articles_own(bodies):
    da_nang = load().entries["Đà Nẵng"]
    home = Home(city=da_nang, districts=(load().entries["Thanh Khê"],))
    text = "công bố vị trí Trưởng ban Tuyên giáo Thành ủy và Bí thư Quận ủy"
    assert [m.name for m in bodies.mentions(text, home)] == ["Ban Tuyên giáo Thành ủy Đà Nẵng", "Quận ủy Thanh Khê"]
    assert [m.name for m in bodies.mentions(text)] == [None, None], "no article context: no body"


def test_a_body_after_a_persons_title_is_marked(bodies):
    found = bodies.mentions("ông Vũ Quang Hải, Chủ tịch UBND huyện Văn Yên cho biết; nguyên Phó chủ tịch UBND "
                            "huyện Văn Yên; UBND huyện Văn Yên đã chỉ đạo")
    assert [(m.titled, m.former) for m in found] == [(True, False), (True, True), (False, False)]


def test_the_level_is_part_of_the_name():
    body = ("LĐLĐ huyện Mỹ Đức tiếp nhận 77 công đoàn cơ sở. Chủ tịch LĐLĐ huyện Mỹ Đức phát biểu. "
            "LĐLĐ huyện Mỹ Đức đề nghị các công đoàn cơ sở tiếp tục.")
    tags = tag_article("LĐLĐ huyện Mỹ Đức: Tiếp nhận 77 CĐCS khối Giáo dục", body, body)
    assert "Liên đoàn Lao động huyện Mỹ Đức" in tags and "Liên đoàn Lao động tỉnh" not in tags


def test_a_body_only_in_a_persons_title_does_not_count():
    body = ("Ông Nguyễn Văn A, Chủ tịch UBND huyện Văn Yên, cho biết lễ hội diễn ra an toàn. Ông Nguyễn Văn A, "
            "Chủ tịch UBND huyện Văn Yên, nói thêm rằng du khách đông hơn năm trước.")
    assert "UBND huyện Văn Yên" not in tag_article("Lễ hội đền Đông Cuông", body, body)
    assert "UBND huyện Văn Yên" in tag_article("Tố cáo Chủ tịch UBND huyện Văn Yên không có căn cứ", body, body)


@pytest.mark.parametrize(("written", "name"), [
    ("Uỷ ban nhân dân huyện Văn Yên", "UBND huyện Văn Yên"), ("UBND TP Hà Nội", "UBND thành phố Hà Nội"),
    ("Huyện uỷ huyện Văn Yên", "Huyện ủy Văn Yên"), ("Công an TP.HCM", "Công an Thành phố Hồ Chí Minh"),
    ("LĐLĐ huyện Mỹ Đức", "Liên đoàn Lao động huyện Mỹ Đức"), ("Sở GD&ĐT Hà Nội", "Sở Giáo dục và Đào tạo"),
])
def test_an_editors_tag_for_a_body_becomes_its_one_name(written, name):
    assert canonical(written) == name
    assert canonical(name) == name
    assert vocabulary().kind_of(name) == "organisation"


def test_a_body_name_is_not_a_kind_when_more_follows():
    assert vocabulary().kind_of("UBND huyện Văn Yên họp") is None
