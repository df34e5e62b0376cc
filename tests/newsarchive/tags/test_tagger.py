"""Automatic tags: context, stop phrases, parents, limits."""

from __future__ import annotations

from newsarchive.tags import tag_article
from newsarchive.tags.documents import citations, document_slug


def test_tinh_alone_means_the_portals_province():
    body = "Sáng 15/7, Ban Thường vụ Tỉnh ủy họp. Các đại biểu của tỉnh thống nhất."
    assert tag_article("Hội nghị sơ kết", body, body, province="An Giang")[0] == "An Giang"
    assert "An Giang" not in tag_article("Hội nghị sơ kết", body, body)


def test_a_stop_phrase_is_not_a_place():
    body = "Hiệp định CPTPP xuyên Thái Bình Dương. Thái Bình Dương rộng lớn. Thái Bình Dương."
    tags = tag_article("Hiệp định xuyên Thái Bình Dương", body, body)
    assert "Thái Bình" not in tags and "Bình Dương" not in tags


def test_a_district_brings_its_province():
    body = "Huyện Thường Xuân có báo cáo. Bệnh viện huyện Thường Xuân đã xử lý."
    tags = tag_article("Huyện ủy Thường Xuân báo cáo", body, body)
    assert "Thường Xuân" in tags and "Thanh Hóa" in tags and "Huyện ủy Thường Xuân" in tags


def test_a_bare_district_name_counts_only_near_its_province():
    body = "Ông Dương Thanh Bình phát biểu. Ông Thanh Bình cho biết."
    assert "Thanh Bình" not in tag_article("Phiên họp", body, body)
    shared = "Huyện Châu Thành, tỉnh Long An có mô hình hay. Huyện Châu Thành tiếp tục triển khai."
    tags = tag_article("Châu Thành làm tốt", shared, shared)
    assert "Châu Thành (Long An)" in tags and "Châu Thành (Bến Tre)" not in tags


def test_a_person_named_after_a_place_is_not_the_place():
    body = "Ông Lê Vinh Danh, hiệu trưởng. Ông Lê Vinh Danh cho biết. Ông Lê Vinh Danh nói."
    assert "Vinh" not in tag_article("Hiệu trưởng Lê Vinh Danh", body, body, province="Nghệ An")


def test_never_more_than_ten_tags():
    body = " ".join(f"Chỉ thị số {n}-CT/TU và tỉnh Long An, Bến Tre, Cà Mau, Sóc Trăng." for n in range(1, 20))
    assert len(tag_article("Nhiều văn bản", body, body)) == 10


def test_bare_numbers_fold_into_the_full_number():
    names = [c.name for c in citations("Chỉ thị 22 nêu rõ. Thực hiện Chỉ thị số 22-CT/TU ngày 5/3.")]
    assert names == ["Chỉ thị 22-CT/TU", "Chỉ thị 22-CT/TU"]


def test_phrases_that_only_look_like_documents_are_not_documents():
    assert citations("Quyết định 2 năm qua, nghị quyết 5 điểm") == []


def test_document_slugs_match_the_tag_pages():
    assert document_slug("Chỉ thị 42-CT/TU") == "chi-thi-42-ct-tu"
    assert document_slug("Quyết định 1369/QĐ-TTg") == "quyet-dinh-1369-qd-ttg"
