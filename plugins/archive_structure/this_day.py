"""Data of "Ngày này năm xưa": the articles of each day of the year, in every year.

The site is static and may be built days before it is read, so the day is the reader's: the
home page's script (``theme/static/js/this-day.js``) reads one small file for the day and month
the reader's clock shows, ``<this_day_path>MM-DD.json``, and lists the years before the
reader's own. A file is written for each of the 366 days, empty ones included, so the script
never meets a missing file. Each is

    {"day": "03-05", "years": [[2023, "2023/03/", [["2023/03/slug/", "Title"], ...]], ...]}

newest year first, and newest article first within a year, with the year's month page (the
link for the articles not shown). A file with the bytes the published site already has is not
written again but listed as kept (``newsarchive.site.staging``), as fast_build keeps pages.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from datetime import date, timedelta
from operator import attrgetter

from newsarchive.site.staging import Staging

# Every month and day a year may have, 29 February included (2024 is a leap year).
DAYS = [date(2024, 1, 1) + timedelta(days=offset) for offset in range(366)]


def day_name(day) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def by_day(articles, month_url: str) -> dict[str, list]:
    """"MM-DD" -> [[year, month page, [[url, title], ...]], ...] for the days with articles."""
    grouped: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for article in sorted(articles, key=attrgetter("date", "slug"), reverse=True):   # newest first
        grouped[day_name(article.date)][article.date.year].append(article)
    return {name: [[year, month_url.format(date=members[0].date),
                    # titles are plain text, HTML-escaped by the sanitize plugin: the JSON holds the text
                    [[item.url, html.unescape(item.title)] for item in members]]
                   for year, members in sorted(years.items(), reverse=True)]
            for name, years in grouped.items()}


def write_this_day(articles, settings, folder: str, month_url: str) -> None:
    days = by_day(articles, month_url)
    staging = Staging.of(settings)
    live = staging.live
    kept = []
    for day in DAYS:
        name = f"{folder}{day_name(day)}.json"
        data = json.dumps({"day": day_name(day), "years": days.get(day_name(day), [])},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            same = live is not None and (live / name).read_bytes() == data
        except OSError:
            same = False
        if same:
            kept.append(name)
        else:
            (staging.output / folder).mkdir(parents=True, exist_ok=True)
            (staging.output / name).write_bytes(data)
    staging.keep(kept)   # a staged build: listed for commit.py; in place: left where they are
