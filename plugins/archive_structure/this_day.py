"""Data of "Ngày này năm xưa": the articles of each day of the year, in every year.

The site is static and may be built days before it is read, so the day is the reader's: the
home page's script (``theme/static/js/this-day.js``) reads one small file for the day and month
the reader's clock shows, ``<this_day_path>MM-DD.json``, and lists the years before the
reader's own. A file is written for each of the 366 days, empty ones included, so the script
never meets a missing file. Each is

    {"day": "03-05", "years": [[2023, "2023/03/", [["2023/03/slug/", "Title"], ...]], ...]}

newest year first, and newest article first within a year, with the year's month page (the
link for the articles not shown). A file with the bytes the published site already has is not
written again but listed as kept (``newsarchive.site.staging``), as fast_build keeps pages; and
while no article's address, title or date changed (a digest kept in
``CACHE_PATH/archive_structure/this-day.json``) the published folder is kept whole, unread.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import defaultdict
from datetime import date, timedelta
from operator import attrgetter
from pathlib import Path

from newsarchive.site.staging import Staging

_SOURCE = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()
# Every month and day a year may have, 29 February included (2024 is a leap year).
DAYS = [date(2024, 1, 1) + timedelta(days=offset) for offset in range(366)]


def day_name(day) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def by_day(articles, month_url: str) -> dict[str, list]:
    """"MM-DD" -> [[year, month page, [[url, title], ...]], ...] for the days with articles."""
    grouped: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    months: dict[tuple[int, int], str] = {}   # a month page's URL, formatted once per month
    for article in sorted(articles, key=attrgetter("date", "slug"), reverse=True):   # newest first
        when = article.date
        grouped[day_name(when)][when.year].append(article)
        if (when.year, when.month) not in months:
            months[(when.year, when.month)] = month_url.format(date=when)
    return {name: [[year, months[(year, members[0].date.month)],
                    # titles are plain text, HTML-escaped by the sanitize plugin: the JSON holds the text
                    [[item.url, html.unescape(item.title)] for item in members]]
                   for year, members in sorted(years.items(), reverse=True)]
            for name, years in grouped.items()}


def inputs_digest(articles, folder: str, month_url: str) -> str:
    """Everything the files are made of: this module (their format), each article's address, title
    and moment."""
    data = repr([_SOURCE, folder, month_url, *((a.url, a.title, a.date.timestamp()) for a in articles)])
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def write_this_day(articles, settings, folder: str, month_url: str) -> None:
    staging = Staging.of(settings)
    live = staging.live
    store = Path(settings["CACHE_PATH"]) / "archive_structure" / "this-day.json" if settings.get("CACHE_PATH") else None
    digest = inputs_digest(articles, folder, month_url)
    if store is not None and live is not None and settings.get("LOAD_CONTENT_CACHE", True):
        try:
            same = json.loads(store.read_text(encoding="utf-8"))["digest"] == digest
            whole = len(list((live / folder).glob("??-??.json"))) == len(DAYS)
        except (OSError, ValueError, KeyError, TypeError):
            same = whole = False
        if same and whole:
            staging.keep([folder])   # staged: the folder stays as published; in place: it is there
            return
    write_days(by_day(articles, month_url), staging, folder)
    if store is not None:
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(json.dumps({"digest": digest}), encoding="utf-8")


def write_days(days: dict, staging: Staging, folder: str) -> None:
    live = staging.live
    kept, folder_made = [], False
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
            if not folder_made:
                (staging.output / folder).mkdir(parents=True, exist_ok=True)
                folder_made = True
            (staging.output / name).write_bytes(data)
    staging.keep(kept)   # a staged build: listed for commit.py; in place: left where they are
