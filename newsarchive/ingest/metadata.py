"""Stage 4: candidates for title, date and section from the head of the cleaned lines.

The head of a page is its first few lines: the site's clock, a breadcrumb or section label, a
kicker, the title, a date line. Nothing here decides: each finding is proposed to the record
with where it stands, and :mod:`decide` picks. Shapes, not words, say what a line is; the
portal's rules (its date labels) are data.
"""

from __future__ import annotations

import re
from datetime import datetime

from .dates import find_timed_date
from .portals import Rules
from .record import Record

HEAD_SIZE = 8          # lines looked at for title and date
META_LINE_MAX = 120    # a date line longer than this is prose, not page metadata
TITLE_MAX_WORDS = 32   # a longer line is a paragraph
TITLE_MIN_WORDS = 4    # a shorter one is a label ("Thời sự", "Video")
LONG_LINE = 400        # characters: more than TITLE_MAX_WORDS words of any language
BREADCRUMB_MAX = 160
KICKER_MAX_WORDS = 8   # "Đài Phát thanh – Truyền hình:" above a title
SUMMARY_MAX = 300
LEDE_DATE_REACH = 160  # characters of the first paragraph a lede date may stand in
ENUMERATED = re.compile(r"^(I{1,3}|IV|VI{0,3}|IX|XI{0,3}|\d{1,2}|[a-zđ])[.)]\s")   # "I. MỤC ĐÍCH", "1. ", "a) "
_SENTENCE_END = re.compile(r"[.!?…:;]\W*$")
_LIST_ITEM = re.compile(r"^[-–•+*>]")
# A sentence ends and the next begins; not after an abbreviation ("TT. Huế", "TS. Nguyễn", "TP. HCM").
SENTENCE_BREAK = re.compile(r"(?<!\b[A-ZĐ])(?<!\b[A-ZĐ]{2})(?<!\b[A-ZĐ]{3})(?<!\bPGS)[.!?…](?=\s+[A-ZĐÀ-Ỹ])")
# A lede opens with the day it tells of: "Sáng 14/10, ...", "Chiều ngày 9-1, ...", "Ngày 22-8, tại ...".
_LEDE_OPENING = re.compile(r"^[^,]{0,30}?\b\d{1,2}\s*[/.-]\s*\d{1,2}\b(?![/.-]\d)[^,]{0,12},")
_DATELINE_START = re.compile(r"^\((?:[A-ZĐ][\w.&/-]*)(?:\s[\w.&/-]+){0,3}\)|^[A-ZĐ]{2,6}\s?[-–—]")
_BRACKETED_DATE = re.compile(r"\s*[(\[]\s*(\d{1,2}/\d{1,2}/\d{4}(?:\s*[-,]?\s*\d{1,2}[:h]\d{2})?)\s*[)\]]\s*$")
_BREADCRUMB = re.compile(r"\s+(?:>|»|›|/|\|)\s+")
# What a site's clock says besides the date: the weekday, or the city ("Hà Nội, ngày 20-04-2021").
_WEEKDAY = re.compile(r"\b(thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)\b", re.IGNORECASE)
_CITY_DAY = re.compile(r"^[^\d,]{2,30},\s*ngày\b", re.IGNORECASE)
_DIGITS_AND_MARKS = re.compile(r"[\d/:.,|()\[\]+'’•*-]")


def meta_line_date(line: str, rules: Rules, now: datetime | None) -> datetime | None:
    """The date of a page-metadata line ("Ngày đăng: 16/07/2019", "23/10/2020 - 06:26")."""
    found = meta_line(line, rules, now)
    return found[0] if found else None


def meta_line(line: str, rules: Rules, now: datetime | None) -> tuple[datetime, bool] | None:
    """(date, shows its time) of a page-metadata line, else None."""
    if len(line) > META_LINE_MAX or line.endswith("."):
        return None
    found = find_timed_date(line, now)
    if found is None:
        return None
    rest = _DIGITS_AND_MARKS.sub(" ", line)
    if rules.meta_pattern is not None:
        rest = rules.meta_pattern.sub(" ", rest)
    # What is left is at most a weekday, AM/PM, a place ("Hà Nội, ngày"), or the poster's name.
    return found if len(rest.split()) <= 6 else None


def is_prose(line: str) -> bool:
    """A paragraph of running text: long, or a sentence that ends as sentences do."""
    if len(line) > LONG_LINE:
        return True
    words = len(line.split())
    return words > TITLE_MAX_WORDS or (words >= 12 and bool(_SENTENCE_END.search(line)))


def heading_shaped(line: str, confirmed: bool = False) -> bool:
    """Could this line be a title? Short, one clause or sentence, not a list item or a lede opener.
    ``confirmed``: a date line stands right under it, as under titles; then a short line
    ("Nhân sự mới") or a title that opens like a lede ("Ngày 10/3, khai mạc ...") is one too."""
    if len(line) > LONG_LINE:
        return False
    words = line.split()
    if not (1 if confirmed else TITLE_MIN_WORDS) <= len(words) <= TITLE_MAX_WORDS \
            or not any(ch.isalpha() for ch in line) or ENUMERATED.match(line) or _LIST_ITEM.match(line):
        return False
    if confirmed:
        return not line.endswith(":")
    if _DATELINE_START.match(line) or _LEDE_OPENING.match(line):
        return False
    if line.endswith((",", ";", ":")) or SENTENCE_BREAK.search(line.rstrip(".!?…")):
        return False
    # A title may end with "." ("Hướng dẫn ... (nhiệm kỳ 2009- 2014)."), a one-clause sentence may not.
    return not (line.endswith(".") and ("," in line or len(words) > 25))


def _is_kicker(line: str) -> bool:
    """A short subject line set above a title ("Đài Phát thanh – Truyền hình:", "GỢI Ý TRẢ LỜI")."""
    words = line.split()
    return len(words) <= KICKER_MAX_WORDS and (line.endswith(":") or line.isupper())


def _crumbs(line: str) -> list[str] | None:
    """The items of a breadcrumb line ("Trang chủ > Tin tức > Thời sự"), else None."""
    if len(line) > BREADCRUMB_MAX or not _BREADCRUMB.search(line):
        return None
    crumbs = _BREADCRUMB.split(line)
    return crumbs if len(crumbs) >= 3 else None


def propose_head(record: Record, now: datetime | None, markup_title: str | None = None) -> None:
    """Title, date and section candidates from the first lines of the record."""
    lines, rules = record.lines, record.rules
    head = lines[:HEAD_SIZE]
    dated = {i: found for i, found in enumerate(record.dated[:HEAD_SIZE]) if found is not None}
    title_at = _find_title(head, dated, markup_title, record.furniture)
    for index, line in enumerate(head[:title_at]):
        crumbs = _crumbs(line)
        if crumbs:
            record.propose("category", crumbs[-1].strip(), "breadcrumb", index, span=(index,))
    if title_at is None:
        # No title in the text: a date line opening it, before any prose, is the page's date slot
        # ("Thứ Tư, ngày 04/06/2025 | 15:10" above the lede), for a title given by hand.
        opening = next((i for i, line in enumerate(head) if i not in record.furniture and (i in dated or is_prose(line))),
                       None)
        if opening is not None and opening in dated:
            record.propose("date", dated[opening][0], "head", opening, timed=dated[opening][1], span=(opening,))
            record.furniture.update(range(opening + 1))
        return
    record.title_at = title_at
    line = lines[title_at]
    bracketed = _BRACKETED_DATE.search(line)
    found = find_timed_date(bracketed.group(1), now) if bracketed else None
    if found:
        record.propose("date", found[0], "title", title_at, timed=found[1])
        line = line[:bracketed.start()]
    if markup_title is None:
        record.propose("title", line, "head", title_at, span=(title_at,))
    record.furniture.update(range(title_at))
    for index in (title_at + 1, title_at + 2, title_at - 1):
        between = lines[title_at + 1] if index == title_at + 2 else ""
        if index == title_at - 1 and index in dated and _is_clock(lines[index], dated[index][1]):
            continue
        if index in dated and not (between and (is_prose(between) or len(between.split()) > KICKER_MAX_WORDS)):
            record.propose("date", dated[index][0], "head" if index > title_at else "head-above", index,
                           timed=dated[index][1], span=(index,))
            record.furniture.add(index)
            break
    if title_at >= 1 and len(lines[title_at - 1].split()) <= KICKER_MAX_WORDS and title_at - 1 not in dated:
        record.propose("category", lines[title_at - 1].rstrip(":"), "section", title_at - 1)


def _is_clock(line: str, timed: bool) -> bool:
    """A date line above a title that is the site's clock (the crawl's day, printed in the header):
    it names the weekday ("Thứ ba, 11/05/2021") or the city ("Hà Nội, ngày 20-04-2021"). A bare
    date there ("16:05 03/12/2024") is the article's."""
    return bool(_WEEKDAY.search(line) or (_CITY_DAY.search(line) and not timed))


def _find_title(head: list[str], dated: dict, markup_title: str | None,
                furniture: set[int]) -> int | None:
    """The title's line: the markup's title where the text repeats it; else the line above the
    page's date line; else the first heading-shaped line before any prose (clocks, banners,
    kickers and breadcrumbs skipped). None when the text opens with prose: it shows no title."""
    if markup_title is not None:
        return next((i for i, line in enumerate(head) if line == markup_title), None)
    for index in sorted(dated):
        above = index - 1
        if above >= 0 and above not in dated and above not in furniture and heading_shaped(head[above], confirmed=True) \
                and not _is_kicker(head[above]) and all(not is_prose(line) for line in head[:above]):
            return above
    for index, line in enumerate(head):
        if index in dated or index in furniture or _crumbs(line):
            continue
        if heading_shaped(line):
            if _is_kicker(line) and index + 1 < len(head) and heading_shaped(head[index + 1]):
                continue
            return index if index + 1 < len(head) else None
        elif is_prose(line) or ENUMERATED.match(line):
            return None
    return None


def mark_meta_lines(record: Record, start: int, now: datetime | None) -> None:
    """Page-metadata lines below the head ("Cập nhật: 19/11/2020", "Đăng lúc 10:20 12/05/2020",
    "Lượt xem: 98 | 08/02/2021 17:46") are furniture, not prose. A bare date ("21/01/2021", a
    table's cell) is left as content."""
    labels = record.rules.meta_pattern
    for index in range(start, len(record.lines)):
        line = record.lines[index]
        found = None if index in record.furniture else record.dated[index]
        if found and (found[1] or (labels is not None and labels.search(line))):
            record.furniture.add(index)


def propose_lede_date(record: Record, start: int, now: datetime | None) -> None:
    """A date in the opening of the first paragraph ("Sáng ngày 21/10/2022, ..."): on most pages
    the day of the event, quoted; a portal whose pages carry no other date ranks it (ldld-tinh)."""
    if start < len(record.lines):
        found = find_timed_date(record.lines[start][:LEDE_DATE_REACH], now)
        if found:
            record.propose("date", found[0], "lede", start, timed=found[1])


def summarise(paragraph: str) -> str:
    """A plain-text lede: whole sentences up to SUMMARY_MAX characters."""
    text = paragraph.strip()
    if len(text) <= SUMMARY_MAX:
        return text
    cut = text[:SUMMARY_MAX]
    end = max(cut.rfind(". "), cut.rfind("; "))
    if end >= 80:
        return cut[: end + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"
