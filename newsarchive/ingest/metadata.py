"""Stage 3: title, date, section, byline and lede from the cleaned lines.

The head of a page is its first few lines: section, title, a date/meta line.
The byline is the article's last line. Both are found by shape, with the
portal's rules (labels, prefixes) as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..vietnamese import title_case_name
from .dates import find_date
from .portals import Rules

HEAD_SIZE = 6          # lines looked at for title and date
META_LINE_MAX = 120    # a date line longer than this is prose, not page metadata
SUMMARY_MAX = 300


@dataclass(slots=True)
class Head:
    title: str | None
    date: datetime | None
    category: str | None
    body_start: int      # index of the first body line


def meta_line_date(line: str, rules: Rules, now: datetime | None) -> datetime | None:
    """The date of a page-metadata line ("Ngày đăng: 16/07/2019", "23/10/2020 - 06:26")."""
    if len(line) > META_LINE_MAX or line.endswith("."):
        return None
    moment = find_date(line, now)
    if moment is None:
        return None
    rest = re.sub(r"[\d/:.,|()\[\]+-]", " ", line)
    for label in rules.meta_labels:
        rest = re.sub(re.escape(label), " ", rest, flags=re.IGNORECASE)
    # What is left is at most a weekday, AM/PM, or the poster's name.
    return moment if len(rest.split()) <= 6 else None


def read_head(lines: list[str], rules: Rules, now: datetime | None = None) -> Head:
    head = lines[:HEAD_SIZE]
    for index, line in enumerate(head):
        moment = meta_line_date(line, rules, now)
        if moment is None or index == 0:
            continue
        title = lines[index - 1]
        category = None
        if rules.section_before_title and index >= 2 and len(lines[index - 2].split()) <= 8:
            category = lines[index - 2]
        return Head(title=title, date=moment, category=category, body_start=index + 1)
    if not lines:
        return Head(None, None, None, 0)
    return Head(title=lines[0], date=None, category=None, body_start=1)


def date_from_lede(paragraphs: list[str], now: datetime | None = None) -> datetime | None:
    """A date in the opening of the first paragraph ("Sáng ngày 21/10/2022, ...")."""
    if not paragraphs:
        return None
    return find_date(paragraphs[0][:160], now)


_SOURCE_NOTE = re.compile(r"\s*\((theo|nguồn|tổng hợp)\b[^()]*\)$", re.IGNORECASE)
_BYLINE_END = re.compile(r"[.!?:;,\"”…)]$")


def _strip_prefix(text: str, prefixes: list[str]) -> tuple[str, bool]:
    for prefix in prefixes:
        if text.casefold().startswith(prefix.casefold()):
            return text[len(prefix):].strip(" :-"), True
    return text, False


def read_byline(line: str, rules: Rules) -> tuple[bool, str | None]:
    """(is this last line a byline?, the author it names or None).

    "THU THẢO" -> "Thu Thảo"; "T/h: Lệ Quyên" -> "Lệ Quyên"; "Theo Báo X" is a
    source, not an author (a byline, author None); "VĂN HÀO - TRẦN HỮU" -> two.
    """
    text = _SOURCE_NOTE.sub("", line.strip())      # "Huyền Lê (Theo AFP)" -> "Huyền Lê"
    words = text.split()
    if not words or len(text) > 60 or len(words) > 8 or _BYLINE_END.search(text):
        return False, None
    if text[0].isdigit() or text.startswith(("-", "•", "*")):
        return False, None
    text = re.sub(r"\s*\d{1,2}/\d{1,2}/\d{4}.*$", "", text)   # "VĂN HÀO 30/04/2016 11:39"
    source_text, is_source = _strip_prefix(text, rules.source_prefixes)
    if is_source and source_text[:1].isupper():
        return True, None
    text, _ = _strip_prefix(text, rules.byline_prefixes)
    folded = text.casefold()
    if not text or folded in rules.not_authors or all(w in rules.not_authors for w in folded.split()):
        return bool(text), None
    letters = [ch for ch in text if ch.isalpha()]
    if text.isupper() and " - " in text:
        names = [title_case_name(part.strip()) for part in text.split(" - ") if part.strip()]
        return True, ", ".join(names)
    if text.isupper() and len(letters) > 1 and " " in text:
        return True, title_case_name(text)
    # A name or a unit: every word starts upper-case or is an abbreviation.
    significant = [w for w in text.replace(" - ", " ").split() if w[0].isalpha()]
    capitalised = sum(1 for w in significant if w[0].isupper())
    if significant and capitalised >= max(1, len(significant) // 2):
        return True, text
    return False, None


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
