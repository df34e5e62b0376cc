"""One decision per field: candidates ranked by the priority table, which a portal file may override."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsarchive.article import TIMEZONE, format_iso
from newsarchive.ingest import Options, Quarantine, process
from newsarchive.ingest.decide import Candidate, decide
from newsarchive.ingest.portals import by_id, load_all

GENERIC = load_all()[0]
NOW = datetime(2026, 1, 1, tzinfo=TIMEZONE)


def _at(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2021, 9, day, hour, minute, tzinfo=TIMEZONE)


def test_the_best_ranked_source_wins_then_the_first_on_the_page():
    candidates = [Candidate("author", "Từ đầu trang", "byline-top", 3), Candidate("author", "Cuối trang", "byline-end", 9),
                  Candidate("author", "Báo X", "markup"), Candidate("author", "Cuối khác", "byline-end", 12)]
    assert decide(candidates, GENERIC.priorities)["author"].value == "Cuối trang"


def test_a_visible_date_with_its_time_refines_a_date_only_value_of_the_same_day():
    candidates = [Candidate("date", _at(11), "jsonld"), Candidate("date", _at(11, 15, 29), "head", 2, timed=True)]
    assert decide(candidates, GENERIC.priorities)["date"].value == _at(11, 15, 29)
    other_day = [Candidate("date", _at(11), "jsonld"), Candidate("date", _at(12, 8), "head", 2, timed=True)]
    assert decide(other_day, GENERIC.priorities)["date"].value == _at(11)


def test_a_source_the_table_does_not_name_is_never_chosen():
    assert decide([Candidate("date", _at(3), "lede", 1)], GENERIC.priorities)["date"] is None
    assert decide([Candidate("date", _at(3), "lede", 1)], by_id("ldld-tinh").priorities)["date"].value == _at(3)


def test_a_portal_file_overrides_a_field_and_keeps_the_others():
    longan = by_id("tinhuy-longan")
    assert longan.priorities["category"][2] == "section" and "section" not in GENERIC.priorities["category"]
    assert longan.priorities["date"] == GENERIC.priorities["date"]


LEDE_DATED = "Tiêu đề bài viết về hội nghị của tỉnh\n\nSáng ngày 21/10/2022, hội nghị đã diễn ra tại tỉnh.\n\nNội dung.\n"


def test_the_lede_date_counts_only_where_the_portal_ranks_it():
    with pytest.raises(Quarantine) as caught:
        process(LEDE_DATED.encode(), "a.txt", Options(now=NOW))
    assert caught.value.kind == "no-date"
    article = process(LEDE_DATED.encode(), "a.txt", Options(portal="ldld-tinh", now=NOW))
    assert format_iso(article.date) == "2022-10-21T00:00:00+07:00"


HTML = """<html><head><title>Hội nghị tổng kết công tác năm 2021 của tỉnh</title>
<meta name="author" content="Báo Nghệ An"><meta property="og:site_name" content="Báo Nghệ An">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-09-11"}</script></head>
<body><h1>Hội nghị tổng kết công tác năm 2021 của tỉnh</h1><div class="publish-date">11/09/2021 15:29</div>
<article><p>Sáng 11/9, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2021 và triển khai nhiệm vụ
năm 2022, với sự tham dự của lãnh đạo các sở, ban, ngành và các huyện, thành phố trong tỉnh.</p>
<p>Tại hội nghị, các đại biểu đã thảo luận, đánh giá kết quả đạt được và chỉ ra những hạn chế cần khắc phục
trong thời gian tới, đồng thời đề xuất nhiều giải pháp thiết thực để thực hiện thắng lợi nhiệm vụ năm sau.</p>
<p>Đinh Nguyệt</p></article></body></html>"""


def test_markup_author_that_is_the_outlet_loses_to_the_byline_and_jsonld_day_takes_the_shown_time():
    article = process(HTML.encode(), "bai.html", Options(now=NOW))
    assert article.author == "Đinh Nguyệt"
    assert format_iso(article.date) == "2021-09-11T15:29:00+07:00"
    assert article.portal_name == "Báo Nghệ An"
    assert "Đinh Nguyệt" not in article.body
