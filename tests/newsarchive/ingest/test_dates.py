from datetime import datetime

import pytest

from newsarchive.article import TIMEZONE, format_iso
from newsarchive.ingest.dates import date_from_url, find_date

NOW = datetime(2026, 1, 1, tzinfo=TIMEZONE)


@pytest.mark.parametrize("text, expected", [
    ("Ngày đăng: 16/07/2019", "2019-07-16T00:00:00+07:00"),
    ("23/10/2020 - 06:26", "2020-10-23T06:26:00+07:00"),
    ("Người đăng tin: Admin Ngày đăng tin: 16/12/2017 Lượt xem: 107", "2017-12-16T00:00:00+07:00"),
    ("12/01/2023 07:20:6PM", "2023-01-12T19:20:06+07:00"),
    ("20:50, 30/12/2019 [GMT+7]", "2019-12-30T20:50:00+07:00"),
    ("01/08/2023|06:53", "2023-08-01T06:53:00+07:00"),
    ("01/11/2024 - 09:50", "2024-11-01T09:50:00+07:00"),
    ("04:35 15/03/2016", "2016-03-15T04:35:00+07:00"),
    ("Thứ tư, 7/2/2024, 23:41 (GMT+7)", "2024-02-07T23:41:00+07:00"),
    ("09/05/2025 3:25 CH", "2025-05-09T15:25:00+07:00"),
    ("09/05/2025 11:05 SA", "2025-05-09T11:05:00+07:00"),
    ("ngày 16 tháng 7 năm 2019", "2019-07-16T00:00:00+07:00"),
    ("23-01-2014", "2014-01-23T00:00:00+07:00"),
    ("Sáng ngày 21/10/2022, Đoàn công tác 129", "2022-10-21T00:00:00+07:00"),
])
def test_vietnamese_date_forms(text, expected):
    assert format_iso(find_date(text, NOW)) == expected


@pytest.mark.parametrize("text", ["31/02/2020", "16/07/2099", "no date here", "Chiều 15/7"])
def test_impossible_future_or_missing_dates_are_none(text):
    assert find_date(text, NOW) is None


def test_first_valid_date_wins_over_impossible_one():
    assert format_iso(find_date("31/02/2020 rồi 01/03/2020", NOW)) == "2020-03-01T00:00:00+07:00"


def test_date_in_url_path():
    assert format_iso(date_from_url("https://x.vn/tin/2023-01-30/bai-viet")) == "2023-01-30T00:00:00+07:00"
    assert date_from_url("https://x.vn/tin/bai-viet") is None


@pytest.mark.parametrize("text, expected", [
    ("2020-10-01", "2020-10-01T00:00:00+07:00"),
    ("2026-02-03T13:45:00+00:00", "2026-02-03T20:45:00+07:00"),
])
def test_iso_dates(text, expected):
    assert format_iso(find_date(text, datetime(2026, 11, 1, tzinfo=TIMEZONE))) == expected


def test_date_from_url_when_the_page_has_none():
    from newsarchive.ingest import process

    raw = ("Tiêu đề bài viết về tỉnh\nNội dung bài viết không ghi ngày đăng ở đâu cả.\n"
           "https://baomoi.vn/tin/2023-01-30/bai-viet.html\n").encode()
    article = process(raw, "bai.txt")
    assert format_iso(article.date) == "2023-01-30T00:00:00+07:00"
    assert article.source_url == "https://baomoi.vn/tin/2023-01-30/bai-viet.html"


def test_date_from_a_list_of_other_articles_is_never_taken():
    from newsarchive.ingest import Quarantine, process

    raw = "Tiêu đề bài viết\nNội dung bài viết không có ngày.\nCác tin khác\nBài khác (05/11/2024)\n".encode()
    with pytest.raises(Quarantine, match="ngày đăng"):
        process(raw, "bai.txt")
