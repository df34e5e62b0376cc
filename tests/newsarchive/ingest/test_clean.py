from newsarchive.ingest.clean import clean_lines, is_spam
from newsarchive.ingest.portals import identify, load_all

GENERIC = load_all()[0]


def test_spam_is_judged_by_what_it_is():
    assert is_spam("bodrum escort cesme escort didim escort eryaman escort antalya escort")
    assert is_spam("cheap viagra online pharmacy discount tablets shipping")
    assert not is_spam("Ban Tuyên giáo - Nữ công")
    assert not is_spam("Hội nghị sơ kết công tác Đảng năm 2022 của tỉnh An Giang")
    assert not is_spam("TH-VPTU")


def test_vietnamese_typed_without_diacritics_is_not_spam():
    assert not is_spam("hoi nghi so ket cong tac dang bo tinh nam nay")


def test_tail_list_of_other_articles_is_cut():
    lines = ["Tiêu đề", "Nội dung bài.", "Các tin khác", "• Bài khác (05/11/2024)"]
    assert clean_lines(lines, GENERIC) == ["Tiêu đề", "Nội dung bài."]


def test_widgets_and_blank_lines_go():
    lines = ["Xem với cở chữ : A- A A+", "\u00a0", "  ", "Lượt xem: 107", "Bài viết.", "<p>Đoạn</p>"]
    assert clean_lines(lines, GENERIC) == ["Bài viết.", "Đoạn"]


def test_portal_identified_by_its_signature_lines():
    assert identify(["Thông tin", "", "Tiêu đề", "12/01/2023 07:20:6PM", "Màu chữ Cỡ chữ"]).id == "tinhuy-longan"
    assert identify(["Một trang lạ", "Nội dung"]).id == "unknown"
