"""Stage 5: the byline, a name-shaped line at the end of the article or right under its title.

Name-shaped: Vietnamese personal names ("Hoài Thu", "KHÁNH NGUYỄN"), unit codes ("TH-VPTU",
"PV"), several joined by "-", "–" or ",", optionally after "Bài và ảnh:" and before a date; a
unit after a person's name ("Phùng Vị – HND tỉnh") is their affiliation, not a second author.
"Theo X" / "Nguồn: X" name a source, not an author. The outlet's own name is never an author.
At the end, short lines that are not names (a menu or section word left after the byline) are
skipped; a paragraph cut off mid-sentence is prose, never a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..vietnamese import is_syllable, title_case_name
from .dates import find_timed_date
from .metadata import ENUMERATED, KICKER_MAX_WORDS, is_prose
from .portals import Rules
from .record import Record

BYLINE_MAX_CHARS = 80
BYLINE_MAX_WORDS = 12
NAME_MAX_WORDS = 5
TRAILING_LOOK = 3        # lines at the end looked through for the byline
_SOURCE_NOTE = re.compile(r"\s*\((theo|nguồn|tổng hợp)\b[^()]*\)$", re.IGNORECASE)
_BYLINE_END = re.compile(r"[.!?:;,\"”…)]$")
_TRAILING_DATE = re.compile(r"\s*[-–,|(]?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}.*$")
_JOINERS = re.compile(r"\s+[-–—]\s+|\s*,\s+|\s+và\s+")
_UNIT_CODE = re.compile(r"^[A-ZĐ]{1,6}(?:[-/.][A-ZĐ0-9]{1,8})*$")     # PV, TTXVN, TH-VPTU
_INITIAL = re.compile(r"^[A-ZĐ]\.$")                                    # "Q." in "Q.VIỆT" split
# An outlet's mark opening a paragraph: "(KGO) - ", "(Baohatinh.vn) - ", "BTO - ".
_OUTLET_MARK = re.compile(r"^\(\s*[A-ZĐ][\w.&/-]{1,30}\s*\)\s*[-–—]|^[A-ZĐ]{2,6}\s?[-–—]\s")


@dataclass(slots=True)
class Byline:
    author: str | None        # None: a source line ("Theo Báo X") or a poster account ("Admin")
    date: datetime | None = None
    timed: bool = False


def _strip_prefix(text: str, prefixes: list[str]) -> tuple[str, bool]:
    for prefix in prefixes:
        if text.casefold().startswith(prefix.casefold()):
            return text[len(prefix):].strip(" :-–"), True
    return text, False


def _personal(part: str) -> bool:
    """A person's name: two to five words, each capitalised or all capitals, each a syllable."""
    words = part.replace(".", ". ").split()
    if not 2 <= len(words) <= NAME_MAX_WORDS and not (len(words) == 1 and part.isupper() and len(part) > 4):
        return False
    for word in words:
        if _INITIAL.match(word):
            continue
        if not word[0].isupper() or not (word[1:].islower() or word.isupper()) or not is_syllable(word):
            return False
    return True


def _capitalised(part: str) -> int:
    return sum(1 for w in part.split() if w[0].isupper())


def _unit(part: str) -> bool:
    """A unit, an affiliation or a pen name: a code ("TH-VPTU", "PV"), or short words starting
    capitalised, at least half of them ("Ban Tuyên giáo", "HND tỉnh", "Nữ công")."""
    if _UNIT_CODE.match(part):
        return True
    words = [w for w in part.split() if w[0].isalpha()]
    return bool(words) and words[0][0].isupper() and _capitalised(part) >= max(1, len(words) // 2)


def _named_unit(parts: list[str]) -> bool:
    """A byline of units names one: a code, or a part of two capitalised words ("Ban Tuyên giáo").
    A section or menu word ("Thời sự", "Văn hóa - Thể thao") names none."""
    return any(_UNIT_CODE.match(p) or _capitalised(p) >= 2 for p in parts)


def _names(text: str, people_only: bool = False) -> str | None:
    """The author(s) a name-shaped text credits, or None when it is not name-shaped."""
    parts = [p.strip() for p in _JOINERS.split(text) if p.strip()]
    if not parts:
        return None
    people = [_personal(p) for p in parts]
    if all(people):
        return ", ".join(title_case_name(p) if p.isupper() else p for p in parts)
    if people_only:
        return None
    if people[0] and all(_unit(p) for p in parts[1:]):
        return title_case_name(parts[0]) if parts[0].isupper() else parts[0]    # name – affiliation
    if all(_unit(p) for p in parts) and _named_unit(parts) and len(text.split()) <= KICKER_MAX_WORDS:
        return title_case_name(text) if text.isupper() and " " in text and " - " not in text else text
    return None


def parse(line: str, rules: Rules, now: datetime | None = None, people_only: bool = False) -> Byline | None:
    """The byline a line is, or None. ``people_only``: only persons' names count (a date line's
    words besides its date are a weekday or a label more often than a unit)."""
    text = _SOURCE_NOTE.sub("", line.strip())      # "Huyền Lê (Theo AFP)" -> "Huyền Lê"
    if not text or len(text) > BYLINE_MAX_CHARS or len(text.split()) > BYLINE_MAX_WORDS:
        return None
    if text[0].isdigit() or text.startswith(("-", "•", "*", "+", ">")) or ENUMERATED.match(text):
        return None
    if any(text.startswith(prefix) for prefix in rules.caption_prefixes):   # "Quang cảnh Hội nghị"
        return None
    source_text, is_source = _strip_prefix(text, rules.source_prefixes)
    if is_source and source_text[:1].isalpha() or is_source and source_text.startswith("http"):
        return Byline(None)
    found = find_timed_date(text, now)
    text = _TRAILING_DATE.sub("", text).strip()
    if _BYLINE_END.search(text):
        return None
    text, _ = _strip_prefix(text, rules.byline_prefixes)
    folded = text.casefold()
    if not text:
        return None
    if folded in rules.not_authors or all(w in rules.not_authors for w in folded.split()):
        return Byline(None)
    author = _names(text, people_only)
    if author is None:
        return None
    return Byline(author, found[0] if found else None, bool(found and found[1]))


def _marked(line: str, found: Byline, rules: Rules) -> bool:
    """A byline under the title says it is one: a prefix ("Bài và ảnh:"), a date, several names, or
    names in capitals. A bare two-word line there may as well be a subtitle or a place."""
    prefixed = _strip_prefix(line, rules.byline_prefixes)[1]
    return prefixed or found.date is not None or ", " in found.author or line.strip().isupper()


def read_byline(line: str, rules: Rules) -> tuple[bool, str | None]:
    """(is this line a byline?, the author it names or None)."""
    found = parse(line, rules)
    return (found is not None, found.author if found else None)


def is_outlet(name: str, outlets: set[str], rules: Rules) -> bool:
    """The outlet's own name ("Báo An Giang" in a page's meta author) is never an author."""
    folded = name.casefold()
    return folded in outlets or any(folded.startswith(p.casefold() + " ") for p in rules.outlet_prefixes)


def propose(record: Record, body: list[int], outlets: set[str], now: datetime | None) -> None:
    """Byline candidates: the last name-shaped line of the body and a name-shaped line right under
    the title. After the byline, short lines that are no name (menu or section words) and another
    story's teaser (a paragraph opening with an outlet's mark, leaked from a sidebar) are skipped:
    they are furniture, as the byline line itself is."""
    lines, rules = record.lines, record.rules
    skipped: list[int] = []
    for index in reversed(body[-TRAILING_LOOK:] if len(body) > 1 else []):
        found = parse(lines[index], rules, now)
        if found is not None:
            record.furniture.update((index, *skipped))
            if found.author is not None and not is_outlet(found.author, outlets, rules):
                record.propose("author", found.author, "byline-end", index, span=(index,))
            break
        leaked = _OUTLET_MARK.match(lines[index]) is not None and index != body[0]
        short = not is_prose(lines[index]) and len(lines[index].split()) <= KICKER_MAX_WORDS // 2
        if index == body[0] or not (leaked or short):
            break
        skipped.append(index)
    under_title = [c.position for c in record.proposed("date", "head")]   # "VĂN HÀO - TRẦN HỮU 30/04/2016 11:39"
    if len(body) > 1 or under_title:
        top = under_title[0] if under_title else body[0]
        found = parse(lines[top], rules, now, people_only=bool(under_title))
        if found is not None and found.author and not is_outlet(found.author, outlets, rules) \
                and _marked(lines[top], found, rules):
            record.propose("author", found.author, "byline-top", top, span=(top,))
            if not under_title:
                record.propose("date", found.date, "byline", top, timed=found.timed, span=(top,))
