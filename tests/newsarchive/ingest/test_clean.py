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


def test_outlet_name_is_cut_from_the_title():
    assert GENERIC.clean_title("Bên trong đường hầm - VnExpress") == "Bên trong đường hầm"
    assert GENERIC.clean_title("Lễ hội đua bò - Báo An Giang") == "Lễ hội đua bò"
    assert GENERIC.clean_title("Tổ chức chính trị - xã hội") == "Tổ chức chính trị - xã hội"


def test_debris_glued_inside_a_line_is_cut():
    lines = ["Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu Chiều 3-2, mưa."]
    assert clean_lines(lines, GENERIC) == ["Chiều 3-2, mưa."]


def test_listing_of_teasers_is_recognised():
    from newsarchive.ingest.structure import is_listing

    teasers = [f"GDVN- Tin số {i} về hoạt động giáo dục của tỉnh trong tuần." for i in range(8)]
    assert is_listing(teasers)
    article = ["Tiêu đề", "Chiều 15/7, hội nghị diễn ra.", "Đại biểu thảo luận.", "Ngày 16/7, đoàn về thăm.",
               "Kết thúc hội nghị.", "Công Mạo"]
    assert not is_listing(article)


def test_progress_is_reported_on_large_batches_only():
    from newsarchive.ingest.terminal import with_progress

    calls = []

    def run(progress):
        for done in range(30):
            progress(done, 30)
            calls.append(done)
        return "report"

    assert with_progress(run) == "report" and len(calls) == 30
