""""Ngày này năm xưa" on the home page (plugins/archive_structure/this_day.py, this-day.js): the
articles of the reader's day and month in the years before the reader's, the reader's date set
with Playwright's clock, checked against the articles' own files; without scripts, a plain link.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from archive_fixture import PAGE_SIZE, fixture_article, read_fields, write_articles
from conftest import build_site
from newsarchive.article import TIMEZONE, render

PER_YEAR = 1
EXTRA = ["-e", f'ARCHIVE_STRUCTURE={{"page_size": {PAGE_SIZE}, "this_day_per_year": {PER_YEAR}}}']
# Articles on 3 May besides the fixture's: two in 2021, one in the reader's own year (2024).
MAY_THIRD = [datetime(2019, 5, 3, 9, 0), datetime(2021, 5, 3, 7, 0), datetime(2021, 5, 3, 15, 45),
             datetime(2024, 5, 3, 8, 0)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("this-day")
    content = base / "content"
    write_articles(content, range(60))
    for number, moment in enumerate(MAY_THIRD):
        article = fixture_article(100 + number)
        article.date, article.slug = moment.replace(tzinfo=TIMEZONE), f"ngay-3-thang-5-so-{number}"
        article.title = f"Ngày 3 tháng 5, bài {number}"
        path = content / "articles" / article.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(article), encoding="utf-8")
    result = build_site(content, base / "output", extra=EXTRA)
    assert result.returncode == 0, result.stderr
    return base


def on_day(content: Path, month: int, day: int) -> dict[int, list[tuple[str, str]]]:
    """year -> [(url, title)] newest first, read from the article files themselves."""
    found: dict[int, list] = {}
    for fields in read_fields(content):
        when = fields["date"]
        if (when.month, when.day) == (month, day):
            found.setdefault(when.year, []).append((when, f"/{when:%Y}/{when:%m}/{fields['slug']}/", fields["title"]))
    return {year: [(url, title) for _, url, title in sorted(items, reverse=True)]
            for year, items in sorted(found.items(), reverse=True)}


def test_one_file_per_day_of_the_year_holds_exactly_that_days_articles(site):
    folder = site / "output" / "this-day"
    files = sorted(folder.glob("*.json"))
    assert len(files) == 366 and (folder / "02-29.json").is_file()
    for path in files:
        month, day = map(int, path.stem.split("-"))
        data = json.loads(path.read_text(encoding="utf-8"))
        got = {year: [("/" + url, title) for url, title in articles] for year, _, articles in data["years"]}
        assert got == on_day(site / "content", month, day), path.name
        assert all(month_page == f"{year}/{month:02d}/" for year, month_page, _ in data["years"])


def home(browser, serve, site, moment: datetime | None, scripts: bool = True):
    context = browser.new_context(timezone_id="Asia/Ho_Chi_Minh", java_script_enabled=scripts,
                                  viewport={"width": 390, "height": 800})
    tab = context.new_page()
    if moment:
        tab.clock.set_fixed_time(moment)
    tab.goto(serve(site / "output") + "/")
    return context, tab


def test_the_readers_date_decides_what_is_listed(browser, serve, site):
    expected = {year: items for year, items in on_day(site / "content", 5, 3).items() if year < 2024}
    assert set(expected) == {2019, 2021} and len(expected[2021]) == 2
    context, tab = home(browser, serve, site, datetime(2024, 5, 3, 10, 0))
    years = tab.locator(".this-day-years > li")
    years.first.wait_for()
    assert years.locator("h3").all_inner_texts() == [f"Năm {year}" for year in expected]
    for index, (year, items) in enumerate(expected.items()):
        shown = years.nth(index).locator("ul a")
        assert [(a.get_attribute("href"), a.inner_text()) for a in shown.all()] == items[:PER_YEAR]
        more = years.nth(index).locator("p a")
        if len(items) > PER_YEAR:   # the rest of that day is behind the month's page
            assert more.get_attribute("href") == f"/{year}/05/"
            assert more.inner_text() == f"và {len(items) - PER_YEAR} bài khác: xem tháng 5/{year}"
        else:
            assert more.count() == 0
    assert "3 bài trong 2 năm trước" in tab.locator("#this-day").inner_text()
    assert "2024" not in tab.locator("#this-day").inner_text()   # the reader's own year is not "năm xưa"
    context.close()


def test_another_day_lists_that_days_articles_or_says_there_are_none(browser, serve, site):
    first = fixture_article(0).date   # 3 January 2019 is the only article of its day
    context, tab = home(browser, serve, site, datetime(2025, first.month, first.day, 6, 0))
    tab.locator(".this-day-years").wait_for()
    assert tab.locator(".this-day-years ul a").get_attribute("href") == "/2019/01/bai-so-0/"
    context.close()
    context, tab = home(browser, serve, site, datetime(2025, 12, 31, 6, 0))
    assert on_day(site / "content", 12, 31) == {}
    tab.get_by_text("chưa có bài nào đăng vào ngày này trong những năm trước").wait_for()
    context.close()


def test_without_scripts_a_plain_link_leads_to_the_months(browser, serve, site):
    context, tab = home(browser, serve, site, None, scripts=False)
    link = tab.locator("#this-day a")
    assert link.get_attribute("href") == "/archives/"
    link.click()
    tab.wait_for_url("**/archives/")
    assert tab.locator(".month-table a").count() > 60
    context.close()
