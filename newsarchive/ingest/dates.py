"""Dates as Vietnamese newsrooms write them. Day comes first, always.

"16/07/2019", "23/10/2020 - 06:26", "12/01/2023 07:20:6PM", "20:50, 30/12/2019",
"01/08/2023|06:53", "04:35 15/03/2016", "Thứ tư, 7/2/2024, 23:41 (GMT+7)",
"09/05/2025 3:25 CH", "ngày 16 tháng 7 năm 2019", "23-01-2014".
"""

from __future__ import annotations

import re
from datetime import datetime

from ..article import TIMEZONE

_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_TIME = re.compile(
    r"(?<![\d/:])(\d{1,2})\s*[:hg]\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?(?![\d/])\s*(AM|PM|SA|CH)?",
    re.IGNORECASE,
)
# ISO 8601, year first and unambiguous: "2020-10-01", "2026-02-03T13:45:00+00:00".
_ISO = re.compile(r"(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/])")
# How far from the date a time may stand and still belong to it.
_TIME_REACH = 16


def _time_near(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The time written right after (or else right before) a date."""
    after = text[end:end + _TIME_REACH + 8]
    match = _TIME.search(after)
    if not match or match.start() > _TIME_REACH:
        before = text[max(0, start - _TIME_REACH - 8):start]
        candidates = list(_TIME.finditer(before))
        match = candidates[-1] if candidates else None
        if match and len(before) - match.end() > _TIME_REACH:
            match = None
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    suffix = (match.group(4) or "").upper()
    if suffix in ("PM", "CH") and hour < 12:
        hour += 12
    elif suffix in ("AM", "SA") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.astimezone(TIMEZONE) if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)


def find_date(text: str, now: datetime | None = None) -> datetime | None:
    """The first valid, non-future date in ``text`` (with its time when given)."""
    found = find_timed_date(text, now)
    return found[0] if found else None


def has_time(text: str, now: datetime | None = None) -> bool:
    """Does the first date in ``text`` come with its time of day?"""
    found = find_timed_date(text, now)
    return bool(found and found[1])


def find_timed_date(text: str, now: datetime | None = None) -> tuple[datetime, bool] | None:
    """(the first valid, non-future date in ``text``, whether the text gives its time)."""
    now = now or datetime.now(TIMEZONE)
    found = []
    for match in _NUMERIC.finditer(text):
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        found.append((match.start(), match.end(), day, month, year))
    for match in _WORDS.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        found.append((match.start(), match.end(), day, month, year))
    for match in _ISO.finditer(text):
        found.append((match.start(), match.end(), 0, 0, 0))
    for start, end, day, month, year in sorted(found):
        try:
            if year == 0:
                moment, timed = _iso(text[start:end]), "T" in text[start:end] or " " in text[start:end]
            else:
                clock = _time_near(text, start, end)
                moment, timed = datetime(year, month, day, *(clock or (0, 0, 0)), tzinfo=TIMEZONE), clock is not None
        except ValueError:
            continue
        if moment.year < 1945 or moment > now:
            continue
        return moment, timed
    return None


_URL_DATE = re.compile(r"/(\d{4})[-/](\d{2})[-/](\d{2})(?:/|$)")


def date_from_url(url: str) -> datetime | None:
    """A /2023-01-30/ or /2023/01/30/ path segment (year first, as URLs write it)."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime(year, month, day, tzinfo=TIMEZONE)
    except ValueError:
        return None
