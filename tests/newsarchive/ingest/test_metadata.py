import pytest

from newsarchive.ingest.byline import read_byline
from newsarchive.ingest.metadata import summarise
from newsarchive.ingest.portals import load_all

GENERIC = load_all()[0]


@pytest.mark.parametrize("line, author", [
    ("Công Mạo", "Công Mạo"),
    ("THU THẢO", "Thu Thảo"),
    ("TH-VPTU", "TH-VPTU"),
    ("Ban Tuyên giáo - Nữ công", "Ban Tuyên giáo - Nữ công"),
    ("PV", "PV"),
    ("T/h: Lệ Quyên", "Lệ Quyên"),
    ("VĂN HÀO - TRẦN HỮU 30/04/2016 11:39", "Văn Hào, Trần Hữu"),
    ("Hồng Hạnh   ", "Hồng Hạnh"),
    ("Thực hiện: Đắc Nhân - Ngọc Thành", "Đắc Nhân, Ngọc Thành"),
    ("Phùng Vị – HND tỉnh", "Phùng Vị"),                     # a name, then the author's unit
    ("Lữ Nhiên Hương - Đảng ủy Khối CCQ và DN tỉnh", "Lữ Nhiên Hương"),
    ("KHÁNH NGUYỄN", "Khánh Nguyễn"),
    ("Nhóm P.V", "Nhóm P.V"),
])
def test_bylines(line, author):
    assert read_byline(line, GENERIC) == (True, author)


def test_source_is_not_an_author():
    assert read_byline("Theo Báo An Giang", GENERIC) == (True, None)


def test_poster_account_is_not_an_author():
    assert read_byline("Admin", GENERIC) == (True, None)


@pytest.mark.parametrize("line", [
    "Tại hội nghị, các đại biểu đã thảo luận.",
    "1. Tiếp tục quán triệt",
    "- Công tác phối hợp",
    "Đây là một đoạn văn khá dài không có dấu chấm nhưng có rất nhiều từ ngữ ở trong đó",
])
def test_prose_is_not_a_byline(line):
    assert read_byline(line, GENERIC)[0] is False


def test_summary_keeps_whole_sentences():
    text = "Câu một ngắn gọn về hội nghị sơ kết của tỉnh trong sáu tháng. " * 10
    summary = summarise(text)
    assert len(summary) <= 300 and summary.endswith(".")


@pytest.mark.parametrize("line, author", [
    ("Huyền Lê (Theo AFP, Times of Israel)", "Huyền Lê"),
    ("Admin Admin", None),
    ("Người đăng tin: Admin", None),
])
def test_more_byline_forms(line, author):
    assert read_byline(line, GENERIC)[1] == author


def test_byline_followed_by_a_stray_menu_word():
    from newsarchive.ingest.clean import clean_lines

    lines = clean_lines(["Bài viết về hội nghị.", "Công Mạo", "In bài viết", "Chia sẻ"], GENERIC)
    assert read_byline(lines[-1], GENERIC) == (True, "Công Mạo")
