"""Data of "Ngày này năm xưa": the articles of each day of the year, in every year.

The site is static and may be built days before it is read, so the day is the reader's: the
home page's script (``theme/static/js/this-day.js``) reads one small file for the day and month
the reader's clock shows, ``<this_day_path>MM-DD.json``, and lists the years before the
reader's own. A file is written for each of the 366 days, empty ones included, so the script
never meets a missing file. Each is

    {"day": "03-05", "years": [[2023, "2023/03/", [["2023/03/slug/", "Title"], ...]], ...]}

newest year first, and newest article first within a year, with the year's month page (the
link for the articles not shown).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from markupsafe import Markup

# Every month and day a year may have, 29 February included (2024 is a leap year).
DAYS = [date(2024, 1, 1) + timedelta(days=offset) for offset in range(366)]


def day_name(day) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def by_day(articles, month_url: str) -> dict[str, list]:
    """"MM-DD" -> [[year, month page, [[url, title], ...]], ...] for the days with articles."""
    grouped: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        grouped[day_name(article.date)][article.date.year].append(article)
    days = {}
    for name, years in grouped.items():
        days[name] = [
            [year, month_url.format(date=members[0].date),
             [[item.url, str(Markup(item.title).striptags())]
              for item in sorted(members, key=lambda a: (a.date, a.slug), reverse=True)]]
            for year, members in sorted(years.items(), reverse=True)
        ]
    return days


def write_this_day(articles, output: Path, folder: str, month_url: str) -> None:
    days = by_day(articles, month_url)
    target = output / folder
    target.mkdir(parents=True, exist_ok=True)
    for day in DAYS:
        name = day_name(day)
        data = {"day": name, "years": days.get(name, [])}
        (target / f"{name}.json").write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
