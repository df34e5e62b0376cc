"""Pages that are not articles, told by their structure (and the shape of their address).

* a listing: several teasers, each a headline with its own date line and a lede, or a headline and
  a lede opening with the outlet's mark ("(ĐTO) ..."); or short dated teaser lines; or teasers
  each opening with the outlet's dateline;
* a menu: lines of navigation and no run of prose at all;
* a ticker: one-line items of different stories strung together ("* ... * ... * ...");
* a work schedule: rows that open with a day ("Thứ Hai (06/01)") or a time ("07 giờ 30:", "14h00"),
  most of its lines such rows;
* by address, when the crawl gave it: a numbered page ("trang-2", "?page=3") is a listing, and a
  section's address (a few words, no article id) holding no more than a teaser is a listing too
  (a site's root is its home page: ``extract.is_home_url``).

Words are never the test: a page is judged by what its lines are, not what they say.
"""

from __future__ import annotations

import re
from collections import Counter

from .metadata import heading_shaped, is_prose

TEASER_MAX_WORDS = 30
ARTICLE_PARAGRAPH_WORDS = 100
MENU_MIN_LINES = 5
TICKER_ITEMS = 6
TICKER_ITEM_WORDS = 35   # words of an item on average: a headline or a one-sentence note
SECTION_MAX_WORDS = 7       # a section's address names it in a few words; an article's names its title
THIN_LINES = 2              # a section page that kept no more than a headline and its lede
_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}")
_DATELINE = re.compile(r"^(\(\w[\w.]*\)\s*-?|\w[\w.]*\s?[-–])(?=\s)")
_SLOT = re.compile(r"^[-•+*|]?\s*(\(?\d{1,2}\s*(h|giờ|g|:)\s*\d{0,2}\b|thứ\s+(hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)\b|"
                   r"chủ nhật\b|(buổi\s+)?(sáng|chiều|tối)\s*[:(-])", re.IGNORECASE)
_CLOCK = re.compile(r"^[-•+*|]?\s*\(?\d{1,2}\s*(h|giờ|g|:)\s*\d{0,2}\b", re.IGNORECASE)
SCHEDULE_MIN_SLOTS = 4
_MARK = re.compile(r"^\(\s*[A-ZĐ][\w.&/-]{1,30}\s*\)\s*[-–—]?\s+\S")   # "(ĐTO) Ngày 4-3", "(HGO) – Nằm"
_TICKER_SPLIT = re.compile(r"(?:^|\s)\*+\s+")
_PAGE_NUMBER = re.compile(r"(?:^|[/_-])(trang|page|p)[-_]?\d+(?:\.\w+)?/?$|[?&](page|p|trang)=\d+", re.IGNORECASE)
_ARTICLE_ID = re.compile(r"\d{3,}")
_SLUG_WORD = re.compile(r"[-_]+")
_PATH = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*([^#]*)")
_PAGE_FILE = re.compile(r"\.(html?|aspx?|php|jsp|shtml)$", re.IGNORECASE)


def is_listing(lines: list[str]) -> bool:
    """A category or home page: short teasers, most of them dated, and no real paragraph."""
    if len(lines) < 5:
        return False
    words = [len(line.split()) for line in lines]
    if max(words) >= ARTICLE_PARAGRAPH_WORDS:
        return False
    teasers = sum(1 for line, n in zip(lines, words) if n <= TEASER_MAX_WORDS and _DATE.search(line))
    if teasers >= 4 and teasers * 5 >= len(lines) * 2:
        return True
    # Each teaser opening with the outlet's dateline ("GDVN- ...", "(TTXVN) ..."): one article has one.
    openings = Counter(m.group(0).casefold() for m in map(_DATELINE.match, lines) if m)
    return bool(openings) and len(lines) >= 6 and openings.most_common(1)[0][1] * 5 >= len(lines) * 2


def dated_teasers(lines: list[str], dated: list) -> int:
    """Teaser blocks: a headline, its own date line, then a lede (a headline may be shown twice).
    ``dated``: each line's page-metadata date, or None."""
    return sum(1 for index in range(1, len(lines) - 1)
               if dated[index] and not dated[index + 1] and heading_shaped(lines[index - 1]))


def marked_teasers(lines: list[str]) -> tuple[int, int]:
    """(paragraphs opening with an outlet's mark, those right under a headline): an article has one
    such lede ("(ĐTO) Ngày 4-3, ..."), a section page one per teaser."""
    marked = [i for i, line in enumerate(lines) if _MARK.match(line)]
    return len(marked), sum(1 for i in marked if i and heading_shaped(lines[i - 1]))


def is_menu(lines: list[str]) -> bool:
    """Navigation only: several lines and not one of them a paragraph of running text."""
    return len(lines) >= MENU_MIN_LINES and not any(is_prose(line) for line in lines)


def is_ticker(line: str) -> bool:
    """Many one-sentence items in one line, each starting anew ("* Sở Nội vụ thông báo ... * ...")."""
    if line.count("*") < TICKER_ITEMS - 1:
        return False
    items = [item for item in _TICKER_SPLIT.split(line) if item.strip()]
    return (len(items) >= TICKER_ITEMS and all(item.strip()[:1].isupper() for item in items)
            and sum(len(item.split()) for item in items) <= TICKER_ITEM_WORDS * len(items))


def is_schedule(lines: list[str]) -> bool:
    """A work schedule: rows of days and times, most of the page."""
    slots = [line for line in lines if _SLOT.match(line)]
    clocks = sum(1 for line in slots if _CLOCK.match(line))
    return len(slots) >= SCHEDULE_MIN_SLOTS and clocks >= 2 and len(slots) * 3 >= len(lines)


def by_structure(lines: list[str], dated: list) -> tuple[str, str] | None:
    """(reason class, Vietnamese reason) for a page that is not an article, else None."""
    teasers = dated_teasers(lines, dated)
    marked, headed = marked_teasers(lines)
    if teasers >= 2 or headed >= 2 or marked >= 3 or is_listing(lines):
        return "listing", ("trang danh mục: các tin tóm tắt, mỗi tin có tiêu đề và ngày riêng, "
                           "không có bài viết")
    if is_schedule(lines):
        return "schedule", "lịch làm việc: các dòng ngày, giờ và việc, không phải một bài viết"
    if is_menu(lines):
        return "menu-only", (f"trang chỉ có trình đơn, dòng điều hướng ({len(lines)} dòng ngắn), không có "
                             "đoạn văn nào của bài viết")
    prose = [line for line in lines if is_prose(line)]
    if prose and all(is_ticker(line) for line in prose):
        return "other", ("trang chỉ có dòng tin chạy (nhiều tin khác nhau nối bằng '*'), không có bài viết")
    return None


def _path(url: str | None) -> str | None:
    """The address's path and query ("/tin-tuc/trang-2.html", "?page=3")."""
    found = _PATH.match(url or "")
    return found.group(1) if found else None


def by_address(url: str | None, lines: list[str], has_date_line: bool) -> tuple[str, str] | None:
    """(reason class, reason) when the page's address says listing and its text agrees."""
    path = _path(url)
    if path is None:
        return None
    if _PAGE_NUMBER.search(path):
        return "listing", f"trang danh mục (trang số của một chuyên mục: {url})"
    last = path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    section = (last and not _ARTICLE_ID.search(path) and not _PAGE_FILE.search(last)
               and len(_SLUG_WORD.split(last)) <= SECTION_MAX_WORDS)
    prose = sum(1 for line in lines if is_prose(line))
    if section and not has_date_line and prose <= 1 and len(lines) <= THIN_LINES + 1:
        return "listing", (f"trang chuyên mục ({url}): chỉ còn tin tóm tắt của một bài khác, "
                           "không có bài viết")
    return None
